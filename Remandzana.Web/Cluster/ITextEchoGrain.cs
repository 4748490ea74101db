using Orleans;
using Remandzana.Domain.Moderation;

namespace Remandzana.Web.Cluster;

/// <summary>
/// The copies of texts sent across the site, for the RepeatedText policy: one grain per bucket of
/// text keys (<see cref="TextEchoGrain.BucketOf"/>), so every copy of one text is counted in one
/// place, alone or scaled out.
/// </summary>
public interface ITextEchoGrain : IGrainWithIntegerKey
{
    /// <summary>Records a copy of the text <paramref name="key"/> and returns the domain's <c>Echo</c> for it (a swarm is remembered here with its member origins, so it holds for them on every instance).</summary>
    Task<Echo> Observe(string origin, string room, string key);
}
