using System.Globalization;
using Remandzana.Domain.Lines;

namespace Remandzana.Domain.Captcha;

/// <summary>
/// The challenge for people who cannot see its picture: a sum of two small numbers, written out in
/// words so that a screen reader says it plainly. The answer may be typed as digits or as a word.
/// </summary>
public sealed record TextQuestion(int First, int Second)
{
    private static readonly string[] Words =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    ];

    public static TextQuestion Draw(Random random) => new(random.Next(1, 10), random.Next(1, 10));

    public int Answer => First + Second;

    /// <summary>The numbers in words, zero to the largest sum, in English: each is its own key for the site's other languages.</summary>
    public static IReadOnlyList<string> NumberWords => Words;

    /// <summary>The question as a notice, its numbers as words the viewer's language says.</summary>
    public Notice Question => Notice.Of("What is {0} plus {1}?", NoticeArgument.Wording(Words[First]), NoticeArgument.Wording(Words[Second]));

    public string Prompt => Question.English;

    public bool Accepts(string? typed)
    {
        var answer = typed?.Trim();
        if (string.IsNullOrEmpty(answer))
        {
            return false;
        }

        return int.TryParse(answer, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number == Answer
            : string.Equals(answer, Words[Answer], StringComparison.OrdinalIgnoreCase);
    }
}
