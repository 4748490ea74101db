using System.Globalization;
using Orleans;
using Remandzana.Domain.Moderation;

namespace Remandzana.Web.Cluster;

/// <summary>
/// One bucket of the site's <see cref="TextEchoes"/>. Kept in memory only: when its silo dies, the
/// copies it remembered are forgotten and counting starts again (a spammer gains one window).
/// </summary>
[KeepAlive]
public sealed class TextEchoGrain(EchoLimits limits, TimeProvider time) : Grain, ITextEchoGrain
{
    public const int Buckets = 16;

    private readonly TextEchoes _echoes = new(limits, time);

    /// <summary>The bucket of a key (a hex hash): its first hex digit.</summary>
    public static long BucketOf(string key) => int.Parse(key.AsSpan(0, 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture) % Buckets;

    public Task<Echo> Observe(string origin, string room, string key) => Task.FromResult(_echoes.Observe(origin, room, key));
}
