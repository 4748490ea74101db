using System.Globalization;
using System.Text;

namespace Remandzana.Domain.Moderation;

/// <summary>
/// Unicode's table of look-alike characters (TR39 <c>confusables.txt</c>, shipped inside this
/// assembly): for each character, the prototype a reader could take it for ("р" → "p", "0" → "O").
/// </summary>
internal static class Confusables
{
    private static readonly Lazy<(Dictionary<int, string> Prototypes, string Version)> Table = new(Load);

    /// <summary>The Unicode version of the shipped table, from its header ("17.0.0").</summary>
    public static string Version => Table.Value.Version;

    /// <summary>Characters with a prototype other than themselves.</summary>
    public static int Count => Table.Value.Prototypes.Count;

    /// <summary>The prototype of <paramref name="rune"/>, or null when it is its own.</summary>
    public static string? PrototypeOf(Rune rune) => Table.Value.Prototypes.GetValueOrDefault(rune.Value);

    private static (Dictionary<int, string>, string) Load()
    {
        using var stream = typeof(Confusables).Assembly.GetManifestResourceStream("confusables.txt")
            ?? throw new InvalidOperationException("confusables.txt is not embedded in the Domain assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var table = new Dictionary<int, string>(7_000);
        var version = "";
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith("# Version:", StringComparison.Ordinal))
            {
                version = line["# Version:".Length..].Trim();
            }

            var fields = line.Split('#', 2)[0].Split(';');
            if (fields.Length < 3)
            {
                continue;
            }

            var target = new StringBuilder();
            foreach (var point in fields[1].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                target.Append(char.ConvertFromUtf32(int.Parse(point, NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
            }

            table[int.Parse(fields[0].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture)] = target.ToString();
        }

        return (table, version);
    }
}
