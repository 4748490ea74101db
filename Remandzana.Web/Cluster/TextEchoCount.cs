using Orleans;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.People;

namespace Remandzana.Web.Cluster;

/// <summary>
/// What copies of a text elsewhere say, for the RepeatedText policy. Only texts long enough to be
/// an advert cost a call (to the grain that counts that text's copies); greetings cost nothing.
/// </summary>
public sealed class TextEchoCount(IGrainFactory grains, PoliciesByMode policies, EchoLimits limits)
{
    private readonly bool _counts = policies.CountsEchoes;

    public async ValueTask<Echo> Of(Origin origin, string roomId, string text)
    {
        if (!_counts || EchoKey.Of(text, limits.MinLength) is not { } key)
        {
            return Echo.None;
        }

        return await grains.GetGrain<ITextEchoGrain>(TextEchoGrain.BucketOf(key)).Observe(origin.Value, roomId, key);
    }
}
