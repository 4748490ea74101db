namespace Remandzana.Domain.People;

/// <summary>A display name in global chat: letters, digits, '_' and '-', 1 to 24 characters.</summary>
public sealed record Nickname
{
    public const int MaxLength = 24;
    public const string Rule = "A nickname is 1 to 24 letters, digits, '_' or '-'.";

    private Nickname(string value) => Value = value;

    public string Value { get; }

    public static bool TryCreate(string? text, out Nickname? nickname)
    {
        nickname = null;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                return false;
            }
        }

        nickname = new Nickname(text);
        return true;
    }

    public override string ToString() => Value;
}
