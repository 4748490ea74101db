using System.ComponentModel.DataAnnotations;

namespace Remandzana.Web.Options;

/// <summary>Remandzana:Matching — whom people meet first.</summary>
public sealed class MatchingOptions
{
    public const string Section = "Remandzana:Matching";

    /// <summary>Seconds a person waits for someone of their language who shares an interest before meeting anyone (0: never waits).</summary>
    [Range(0, 3600)]
    public int InterestWaitSeconds { get; set; } = 10;

    /// <summary>Seconds the home page's count of people chatting per mode may be old.</summary>
    [Range(1, 60)]
    public int OnlineCountSeconds { get; set; } = 3;

    /// <summary>Hours "Don't match me with them again" keeps two origins apart, in every mode.</summary>
    [Range(1, 24 * 30, ErrorMessage = "Remandzana:Matching:AvoidHours must be between {1} and {2} (hours two origins are kept apart after one asks).")]
    public int AvoidHours { get; set; } = 24;
}
