using Remandzana.Domain.Moderation;

namespace Remandzana.Web.Options;

/// <summary>The policies of one mode.</summary>
public sealed class ModePolicyOptions
{
    /// <summary>Refuse messages with an http(s):// URL or an onion address.</summary>
    public LadderOptions BlockUrls { get; set; } = new();

    /// <summary>Refuse messages with an onion address on the blacklist file.</summary>
    public LadderOptions OnionBlacklist { get; set; } = new() { Suppress = 0, Then = Consequence.Exile };

    /// <summary>Refuse the same text sent into too many rooms (on by default: adverts to strangers).</summary>
    public LadderOptions RepeatedText { get; set; } = new() { Enabled = true, Suppress = 2, Then = Consequence.Kick };
}
