using Microsoft.Extensions.Options;
using Remandzana.Web.Grains;
using Remandzana.Web.Options;

namespace Remandzana.Web.Security;

/// <summary>
/// Says once, at start, what protects the Data Protection key ring at rest. Data Protection's own
/// "No XML encryptor configured" warning is filtered in the NLog rules: this line replaces it, and
/// is a warning only where nothing but the store's own access control protects the keys (Redis without a certificate).
/// </summary>
public sealed partial class KeyRingAtRest(
    IOptions<KeyRingOptions> options,
    IOptions<BackplaneOptions> backplane,
    KeyRingCertificate keyRingCertificate,
    IServiceProvider services,
    ILogger<KeyRingAtRest> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var certificate = keyRingCertificate.Certificate;
        if (backplane.Value.Enabled)
        {
            if (certificate is null)
            {
                LogRedisInClear(KeyRingCertificate.Setting);
            }
            else
            {
                LogRedisEncrypted(certificate.Subject, certificate.Thumbprint);
            }

            return Task.CompletedTask;
        }

        var folder = Path.GetFullPath(options.Value.Directory);
        var outcome = services.GetService<KeyRingFolderCheck>()?.Outcome ?? "unchecked";
        if (certificate is null)
        {
            LogFolderInClear(folder, outcome, KeyRingCertificate.Setting);
        }
        else
        {
            LogFolderEncrypted(folder, outcome, certificate.Subject, certificate.Thumbprint);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Data Protection keys in {Folder}, {Permissions}: in clear, protected by the folder's permissions ({Setting} would encrypt them)")]
    private partial void LogFolderInClear(string folder, string permissions, string setting);

    [LoggerMessage(Level = LogLevel.Information, Message = "Data Protection keys in {Folder}, {Permissions}: encrypted with certificate {Subject} ({Thumbprint})")]
    private partial void LogFolderEncrypted(string folder, string permissions, string subject, string thumbprint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Data Protection keys in Redis are kept in clear: anyone who can read Redis can forge send forms and passes. Set {Setting} (the same certificate on every instance) to encrypt them at rest")]
    private partial void LogRedisInClear(string setting);

    [LoggerMessage(Level = LogLevel.Information, Message = "Data Protection keys in Redis: encrypted with certificate {Subject} ({Thumbprint})")]
    private partial void LogRedisEncrypted(string subject, string thumbprint);
}
