namespace Remandzana.Domain.People;

/// <summary>
/// What tells one browser from another across conversations without a cookie: the pass it
/// solved a captcha for, else its client address (behind the onion service: its Tor circuit).
/// The operator sees it in reports; other people never do.
/// </summary>
public sealed record Origin
{
    public static readonly Origin Unknown = new("unknown");

    public Origin(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    public string Value { get; }

    public override string ToString() => Value;
}
