using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Remandzana.Web.Grains;
using Remandzana.Web.Options;
using Remandzana.Web.Security;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Cluster;

/// <summary>
/// The certificate every instance of one site shares (Remandzana:Backplane:Certificate): each silo
/// presents it, and talks only to a peer that presents the very same one. It is pinned, not
/// chained: no certificate authority, and no other certificate it signed, can vouch for a stranger.
/// </summary>
public sealed class ClusterCertificate
{
    private const string Setting = BackplaneOptions.Section + ":Certificate";
    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";

    private readonly byte[] _fingerprint;

    private ClusterCertificate(X509Certificate2 certificate, string path)
    {
        Certificate = certificate;
        Path = path;
        _fingerprint = certificate.GetCertHash(HashAlgorithmName.SHA256);
    }

    public X509Certificate2 Certificate { get; }

    public string Path { get; }

    /// <summary>The SHA-256 of the whole certificate, as `openssl x509 -noout -fingerprint -sha256` prints it (without the colons).</summary>
    public string Fingerprint => Convert.ToHexString(_fingerprint);

    /// <summary>Whether a peer presented this certificate itself (its dates and issuer do not matter: it is compared whole).</summary>
    public bool IsPresentedBy(X509Certificate? peer) =>
        peer is not null && CryptographicOperations.FixedTimeEquals(peer.GetCertHash(HashAlgorithmName.SHA256), _fingerprint);

    /// <summary>Reads a PEM file (certificate and private key, in either order) or a PKCS#12 file; the start fails with a message naming the setting.</summary>
    public static ClusterCertificate Load(string path, string password)
    {
        var full = System.IO.Path.GetFullPath(path);
        X509Certificate2 certificate;
        try
        {
            certificate = CertificateFile.Read(full, password);
        }
        catch (CertificateFileException failure)
        {
            throw Refusal($"{Setting} '{full}' could not be read as a certificate with its private key (PEM or PKCS#12): {failure.Message}");
        }

        if (!certificate.HasPrivateKey)
        {
            throw Refusal($"{Setting} '{full}' holds no private key: put the key in the same file (PEM: key and certificate one after the other), or use a PKCS#12 file.");
        }

        if (certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().FirstOrDefault() is { } usages
            && !(Allows(usages, ServerAuthentication) && Allows(usages, ClientAuthentication)))
        {
            throw Refusal($"{Setting} '{full}' limits its use (extended key usage) without allowing both serverAuth and clientAuth: every silo is a TLS server and a TLS client.");
        }

        return new ClusterCertificate(certificate, full);
    }

    /// <summary>The start fails as a misconfigured option does, with the setting named.</summary>
    public static OptionsValidationException Refusal(string message) =>
        new(BackplaneOptions.Section, typeof(BackplaneOptions), [message]);

    private static bool Allows(X509EnhancedKeyUsageExtension usages, string purpose) =>
        usages.EnhancedKeyUsages.Cast<Oid>().Any(usage => usage.Value == purpose);
}
