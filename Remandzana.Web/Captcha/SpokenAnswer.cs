using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using Remandzana.Domain.Captcha;
using Remandzana.Web.Localisation;

namespace Remandzana.Web.Captcha;

/// <summary>
/// The answer to a <see cref="TextQuestion"/> as the person typed it, read in their language: a
/// number word of that language ("trece", "ثلاثة عشر") or digits of any script become plain digits.
/// </summary>
public static class SpokenAnswer
{
    public static string? Digits(string? typed, IStringLocalizer<SiteText> words)
    {
        var answer = typed?.Trim();
        if (string.IsNullOrEmpty(answer))
        {
            return typed;
        }

        if (answer.All(char.IsDigit))
        {
            var digits = new StringBuilder(answer.Length);
            foreach (var digit in answer)
            {
                digits.Append((char)('0' + (int)char.GetNumericValue(digit)));
            }

            return digits.ToString();
        }

        for (var number = 0; number < TextQuestion.NumberWords.Count; number++)
        {
            if (CultureInfo.CurrentCulture.CompareInfo.Compare(answer, words[TextQuestion.NumberWords[number]].Value, CompareOptions.IgnoreCase) == 0)
            {
                return number.ToString(CultureInfo.InvariantCulture);
            }
        }

        return answer;
    }
}
