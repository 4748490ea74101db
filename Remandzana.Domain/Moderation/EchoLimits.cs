namespace Remandzana.Domain.Moderation;

/// <summary>When copies of one text count as advertising.</summary>
/// <param name="Rooms">Rooms one origin may send the same text into within <paramref name="Window"/>; one more is a violation.</param>
/// <param name="Window">How long one origin's copies are remembered.</param>
/// <param name="SwarmSenders">Origins sending the same text into at least as many rooms within <paramref name="SwarmWindow"/> make it a swarm.</param>
/// <param name="SwarmWindow">How close together a swarm's copies are.</param>
/// <param name="SwarmBlock">How long a swarm's text is suppressed from the origins that made the swarm (others are judged by <paramref name="Rooms"/> alone).</param>
/// <param name="MinLength">Texts shorter than this (in their normal form, see <see cref="EchoKey"/>) are greetings, never counted.</param>
/// <param name="MaxTexts">Texts remembered at most (memory stays bounded under a flood of unique texts).</param>
public sealed record EchoLimits(int Rooms, TimeSpan Window, int SwarmSenders, TimeSpan SwarmWindow, TimeSpan SwarmBlock, int MinLength = 16, int MaxTexts = 100_000)
{
    public static readonly EchoLimits Default = new(3, TimeSpan.FromMinutes(10), 5, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(30));

    /// <summary>Copies of one text remembered at most: enough for any threshold, bounded under a flood.</summary>
    internal const int MaxSightingsPerText = 1_000;

    internal TimeSpan Memory => Window > SwarmWindow ? Window : SwarmWindow;
}
