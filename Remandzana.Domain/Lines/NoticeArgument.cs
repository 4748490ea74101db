namespace Remandzana.Domain.Lines;

/// <summary>What fills a notice's placeholder: data shown as it is (a name, a number, what someone typed), or a site wording that is translated too.</summary>
public readonly record struct NoticeArgument(string Text, bool IsWording)
{
    public static NoticeArgument Data(string text) => new(text, false);

    public static NoticeArgument Data(int number) => new(number.ToString(System.Globalization.CultureInfo.InvariantCulture), false);

    public static NoticeArgument Wording(string text) => new(text, true);
}
