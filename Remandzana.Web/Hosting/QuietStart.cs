using Orleans.Runtime;
using Remandzana.Web.Cluster;
using Remandzana.Web.Grains;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Hosting;

public static class QuietStart
{
    /// <summary>
    /// A first start warns only about what its reader can act on. Here: Orleans' watchdog gets a clock
    /// that cannot mistake the machine's uptime for a stall (<see cref="WatchdogClock"/>). The other
    /// start-up notes are answered elsewhere: Orleans' ServerGC advice and Data Protection's "No XML
    /// encryptor" are filtered in appsettings.json's NLog rules (workstation GC is this project's
    /// choice; what protects the key ring is logged once by KeyRingProtection).
    /// </summary>
    public static IServiceCollection AddQuietStart(this IServiceCollection services) =>
        services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Membership, (provider, _) => new WatchdogClock(provider.GetRequiredService<TimeProvider>()));
}
