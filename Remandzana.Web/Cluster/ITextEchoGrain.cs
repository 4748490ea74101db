using Orleans;
using Remandzana.Domain.Moderation;

namespace Remandzana.Web.Cluster;

/// <summary>
/// What is left of the text's bucket grain until its caller goes: it hands the copy to this
/// instance's <see cref="Moderation.EchoWatch"/>, which the room's turn should ask directly.
/// </summary>
public interface ITextEchoGrain : IGrainWithIntegerKey
{
    /// <summary>Records a copy of the text <paramref name="key"/> and returns the domain's <c>Echo</c> for it.</summary>
    Task<Echo> Observe(string origin, string room, ulong key);
}
