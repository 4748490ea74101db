using Orleans;
using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Web.Captcha;
using Remandzana.Web.Cluster;
using Remandzana.Web.Reports;
using Remandzana.Web.Security;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Grains;

/// <summary>The operator's bars, shared by every instance (key 0): each one publishes those it read in its report files.</summary>
public interface IBarsGrain : IGrainWithIntegerKey
{
    /// <summary>Replaces what <paramref name="instance"/> read; returns every instance's bars.</summary>
    Task<Bar[]> Publish(string instance, Bar[] bars);
}
