using System.Security.Cryptography.X509Certificates;
using Remandzana.Web.Grains;
using Remandzana.Web.Options;

namespace Remandzana.Web.Security;

/// <summary>The certificate of Remandzana:KeyRing:Certificate, read once at start; a file that will not do stops the start.</summary>
public sealed class KeyRingCertificate
{
    public const string Setting = KeyRingOptions.Section + ":Certificate";

    private KeyRingCertificate(X509Certificate2? certificate) => Certificate = certificate;

    /// <summary>The certificate with its private key, or null when none is set.</summary>
    public X509Certificate2? Certificate { get; }

    /// <exception cref="InvalidOperationException">The file is missing, unreadable, or holds no RSA private key; the message names the setting.</exception>
    public static KeyRingCertificate Load(KeyRingOptions options) => new(Read(options));

    private static X509Certificate2? Read(KeyRingOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Certificate))
        {
            return null;
        }

        var path = Path.GetFullPath(options.Certificate);
        var keyPath = string.IsNullOrWhiteSpace(options.CertificateKey) ? null : Path.GetFullPath(options.CertificateKey);
        X509Certificate2 certificate;
        try
        {
            certificate = CertificateFile.Read(path, options.CertificatePassword, keyPath);
        }
        catch (CertificateFileException e)
        {
            throw new InvalidOperationException(
                $"{Setting}: {path} could not be read as a PEM certificate with its private key (or {KeyRingOptions.Section}:CertificateKey) or as a PFX: {e.Message}", e);
        }

        using var key = certificate.GetRSAPrivateKey();
        if (key is null)
        {
            certificate.Dispose();
            throw new InvalidOperationException(
                $"{Setting}: {path} has no RSA private key. Data Protection encrypts keys at rest with RSA only (e.g. openssl req -x509 -newkey rsa:3072 -nodes -days 3650 -subj /CN=remandzana-key-ring -keyout key-ring.key -out key-ring.pem).");
        }

        return certificate;
    }
}
