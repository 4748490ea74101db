using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.Options;
using Prometheus;
using Remandzana.Web.Options;

namespace Remandzana.Web.Metrics;

/// <summary>
/// The meter named "Remandzana" of this app, every instrument of it, in Prometheus's text format.
/// Its own registry and a listener that takes only this app's meter (by the factory that made it),
/// so that nothing else in the process (another app in a test run) mixes in.
/// </summary>
public sealed class PrometheusExport : IDisposable
{
    private readonly CollectorRegistry _registry = Prometheus.Metrics.NewCustomRegistry();
    private readonly IDisposable _listening;
    private readonly HashSet<IPAddress> _trusted;

    public PrometheusExport(IMeterFactory meters, SiteMetrics site, IOptions<ProxyOptions> proxies)
    {
        _ = site;
        _listening = MeterAdapter.StartListening(new MeterAdapterOptions
        {
            Registry = _registry,
            InstrumentFilterPredicate = instrument => instrument.Meter.Name == SiteMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, meters),
            // The instruments' labels are few and fixed (modes, policies, statuses): keep every series.
            MetricsExpireAfter = TimeSpan.FromDays(3650),
        });
        _trusted = [IPAddress.Loopback, IPAddress.IPv6Loopback, .. proxies.Value.Addresses.Select(Normal)];
    }

    /// <summary>Loopback or a known proxy itself; a client a proxy forwarded has its own address here, and is refused.</summary>
    public bool Admits(IPAddress? address) => address is not null && _trusted.Contains(Normal(address));

    public Task Write(Stream body, CancellationToken cancellation) => _registry.CollectAndExportAsTextAsync(body, cancellation);

    private static IPAddress Normal(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    public void Dispose() => _listening.Dispose();
}
