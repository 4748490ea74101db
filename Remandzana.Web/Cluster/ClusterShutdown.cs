using Remandzana.Web.Grains;
using Remandzana.Web.Sessions;
namespace Remandzana.Web.Cluster;

/// <summary>
/// On shutdown every stream here ends at once with the restart notice (so the server does not wait
/// for browsers), then everyone leaves their lobby or room before the silo stops, so partners on
/// other instances are told. Registered after the silo, so it stops before it.
/// </summary>
public sealed class ClusterShutdown(ClusterSwitchboard switchboard, IHostApplicationLifetime lifetime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopping.Register(switchboard.EndStreams);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await switchboard.Stop().AsTask().WaitAsync(cancellationToken);
}
