using Orleans;
using Orleans.Concurrency;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.People;
using Remandzana.Web.Moderation;

namespace Remandzana.Web.Cluster;

/// <summary>
/// A stand-in kept only while <c>Listeners.EchoOf</c> still calls it: a stateless worker, so it
/// always runs on the caller's instance, and it only asks that instance's <see cref="EchoWatch"/>.
/// </summary>
[StatelessWorker]
public sealed class TextEchoGrain(EchoWatch watch) : Grain, ITextEchoGrain
{
    /// <summary>Any key will do: the worker is local whatever it is.</summary>
    public static long BucketOf(ulong key) => 0;

    public Task<Echo> Observe(string origin, string room, ulong key) => Task.FromResult(watch.Observe(new Origin(origin), room, key));
}
