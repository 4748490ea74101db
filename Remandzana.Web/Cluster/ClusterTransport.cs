using System.Net;
using Orleans.Connections.Security;
using Orleans.Hosting;
using Remandzana.Web.Grains;
using Remandzana.Web.Options;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Cluster;

/// <summary>
/// How scaled-out silos talk: over TLS, each presenting the shared certificate and accepting only
/// a peer that presents it too; or in the clear when every silo listens on loopback, which nothing
/// outside the host reaches. Anything else does not start.
/// </summary>
public static partial class ClusterTransport
{
    public static ISiloBuilder UseClusterTransport(this ISiloBuilder silo, BackplaneOptions settings, IPAddress advertised)
    {
        if (string.IsNullOrWhiteSpace(settings.Certificate))
        {
            if (!IPAddress.IsLoopback(advertised))
            {
                throw ClusterCertificate.Refusal(
                    $"{BackplaneOptions.Section}:Certificate is required: scaled out, this silo listens on {advertised}, which other machines reach, "
                    + "and silos must authenticate each other. Give every instance the same certificate file (README, \"Scale-out\"), "
                    + $"or set {BackplaneOptions.Section}:AdvertisedAddress to a loopback address when every instance runs on this host.");
            }

            silo.Services.AddHostedService(provider => new Notice(
                provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ClusterTransport)),
                logger => LogInTheClear(logger, advertised)));
            return silo;
        }

        var certificate = ClusterCertificate.Load(settings.Certificate, settings.CertificatePassword);
        silo.UseTls(certificate.Certificate, tls =>
        {
            // Both ends present the certificate (a silo dialling out included) and check the other's.
            tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
            tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
            tls.LocalClientCertificateSelector = (_, _, _, _, _) => certificate.Certificate;
            tls.RemoteCertificateValidation = (peer, _, _) => certificate.IsPresentedBy(peer);
        });
        silo.Services.AddHostedService(provider => new Notice(
            provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ClusterTransport)),
            logger => LogOverTls(logger, certificate.Fingerprint, certificate.Path)));
        return silo;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Silos talk without TLS: this one listens on {Address} (loopback) only. Set Remandzana:Backplane:Certificate to authenticate and encrypt their traffic.")]
    private static partial void LogInTheClear(ILogger logger, IPAddress address);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silos talk over TLS and accept only a peer presenting the certificate with SHA-256 fingerprint {Fingerprint} ({Path}).")]
    private static partial void LogOverTls(ILogger logger, string fingerprint, string path);

    /// <summary>Says once, at start, how this silo talks to the others.</summary>
    private sealed class Notice(ILogger logger, Action<ILogger> say) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            say(logger);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
