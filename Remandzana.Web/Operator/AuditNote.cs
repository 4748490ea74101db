using System.Text;

namespace Remandzana.Web.Operator;

/// <summary>An operator's note for the audit log: one line, without control or invisible formatting characters, trimmed.</summary>
public static class AuditNote
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var kept = text.EnumerateRunes()
            .Select(rune => Rune.GetUnicodeCategory(rune) switch
            {
                System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.LineSeparator
                    or System.Globalization.UnicodeCategory.ParagraphSeparator => " ",
                System.Globalization.UnicodeCategory.Format => "",
                _ => rune.ToString(),
            });
        return string.Concat(kept).Trim();
    }
}
