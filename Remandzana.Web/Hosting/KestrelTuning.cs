using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Options;
using Remandzana.Web.Options;

namespace Remandzana.Web.Hosting;

public static class KestrelTuning
{
    /// <summary>Applies <see cref="KestrelTuningOptions"/> (validated at start) to Kestrel's limits.</summary>
    public static IServiceCollection AddKestrelTuning(this IServiceCollection services)
    {
        services.AddOptions<KestrelTuningOptions>().BindConfiguration(KestrelTuningOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<KestrelTuningOptions>>((kestrel, tuning) =>
        {
            var limits = kestrel.Limits;
            limits.MaxConcurrentConnections = tuning.Value.MaxConnections > 0 ? tuning.Value.MaxConnections : null;
            limits.MinResponseDataRate = tuning.Value.MinResponseBytesPerSecond > 0
                ? new MinDataRate(tuning.Value.MinResponseBytesPerSecond, TimeSpan.FromSeconds(tuning.Value.MinResponseGraceSeconds))
                : null;
        });
        services.AddOptions<SocketTransportOptions>().Configure<IOptions<KestrelTuningOptions>>((sockets, tuning) =>
            sockets.UnsafePreferInlineScheduling = tuning.Value.InlineScheduling);
        return services;
    }
}
