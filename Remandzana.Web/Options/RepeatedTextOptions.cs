using System.ComponentModel.DataAnnotations;
using Remandzana.Domain.Moderation;

namespace Remandzana.Web.Options;

/// <summary>Remandzana:Moderation:RepeatedText — when copies of one text count as advertising (the ladder is per mode).</summary>
public sealed class RepeatedTextOptions
{
    /// <summary>Rooms one origin may send the same text into within the window; one more is a violation.</summary>
    [Range(1, 1_000)]
    public int Rooms { get; set; } = 3;

    [Range(1, 1_440)]
    public int WindowMinutes { get; set; } = 10;

    /// <summary>Shorter texts (after evening out case, spaces and digits) are greetings and never counted.</summary>
    [Range(1, 10_000)]
    public int MinLength { get; set; } = 16;

    /// <summary>This many origins sending one text into as many rooms within <see cref="SwarmSeconds"/> make it a swarm.</summary>
    [Range(2, 100_000)]
    public int SwarmSenders { get; set; } = 5;

    [Range(1, 3_600)]
    public int SwarmSeconds { get; set; } = 60;

    /// <summary>How long a swarm's text is suppressed from the origins that made the swarm.</summary>
    [Range(1, 10_080)]
    public int SwarmBlockMinutes { get; set; } = 30;

    /// <summary>
    /// How often the copies judged on one instance are sent to the others (one message to each),
    /// scaled out: a copy on another instance counts here within this interval.
    /// </summary>
    [Range(10, 10_000)]
    public int ShareMilliseconds { get; set; } = 250;

    public EchoLimits ToLimits() => new(
        Rooms,
        TimeSpan.FromMinutes(WindowMinutes),
        SwarmSenders,
        TimeSpan.FromSeconds(SwarmSeconds),
        TimeSpan.FromMinutes(SwarmBlockMinutes),
        MinLength);
}
