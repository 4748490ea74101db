using System.Text;

namespace Remandzana.Domain.Moderation;

/// <summary>
/// A message as a filter reads it, with the way back to what was written: each character of
/// <see cref="Text"/> knows the span of the written text it came from, so a match found in the
/// reader's view replaces the written characters it covers (invisible ones inside it included).
/// Two views, both without invisible characters and marks (<see cref="ReaderView"/>):
/// <see cref="Seen"/> keeps each letter as it is (compatibility forms unified), <see cref="Folded"/>
/// also folds case and look-alike letters to their prototypes, as the other policies compare.
/// </summary>
public sealed class FilterView
{
    private readonly int[] _start;
    private readonly int[] _end;

    private FilterView(string text, int[] start, int[] end)
    {
        Text = text;
        _start = start;
        _end = end;
    }

    public string Text { get; }

    /// <summary>The written text's span behind <paramref name="length"/> characters of <see cref="Text"/> from <paramref name="index"/>.</summary>
    public (int Start, int End) Written(int index, int length) => (_start[index], _end[index + length - 1]);

    public static FilterView Seen(string written) => Build(written, static (into, rune) => into.Append(rune.ToString()));

    public static FilterView Folded(string written) => Build(written, ReaderView.AppendFold);

    private static FilterView Build(string written, Action<StringBuilder, Rune> append)
    {
        var text = new StringBuilder(written.Length);
        var start = new List<int>(written.Length);
        var end = new List<int>(written.Length);
        var index = 0;
        foreach (var rune in written.EnumerateRunes())
        {
            // A lone surrogate reads as the replacement character, one UTF-16 unit wide.
            var width = rune == Rune.ReplacementChar && !written.AsSpan(index).StartsWith("\uFFFD") ? 1 : rune.Utf16SequenceLength;
            // Decomposition is per character: marks that would reorder are dropped anyway.
            foreach (var part in rune.ToString().Normalize(NormalizationForm.FormKD).EnumerateRunes())
            {
                if (ReaderView.IsInvisible(part) || ReaderView.IsMark(part))
                {
                    continue;
                }

                var before = text.Length;
                append(text, part);
                for (var added = before; added < text.Length; added++)
                {
                    start.Add(index);
                    end.Add(index + width);
                }
            }

            index += width;
        }

        return new FilterView(text.ToString(), [.. start], [.. end]);
    }

    public override string ToString() => Text;
}
