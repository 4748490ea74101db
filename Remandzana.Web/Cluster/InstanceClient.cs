using Orleans.Runtime;
using Orleans.Runtime.Services;
using Remandzana.Web.Grains;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Cluster;

/// <summary>Reaches the instance service of a given silo: where a person's stream is.</summary>
public sealed class InstanceClient(IServiceProvider services) : GrainServiceClient<IInstanceService>(services)
{
    public IInstanceService At(SiloAddress silo) => GetGrainService(silo);
}
