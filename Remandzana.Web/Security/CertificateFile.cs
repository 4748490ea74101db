using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Remandzana.Web.Grains;

namespace Remandzana.Web.Security;

/// <summary>
/// A certificate with its private key, from a file an operator names in a setting: PEM (certificate
/// and key in one file, or the key in a file of its own) or PKCS#12.
/// </summary>
public static class CertificateFile
{
    /// <exception cref="CertificateFileException">The file is missing, unreadable or not a certificate with its key.</exception>
    public static X509Certificate2 Read(string path, string? password, string? keyPath = null)
    {
        password = string.IsNullOrEmpty(password) ? null : password;
        try
        {
            if (!IsPem(path))
            {
                return X509CertificateLoader.LoadPkcs12FromFile(path, password);
            }

            return password is null
                ? X509Certificate2.CreateFromPemFile(path, keyPath)
                : X509Certificate2.CreateFromEncryptedPemFile(path, password, keyPath);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw new CertificateFileException(failure.Message, failure);
        }
    }

    private static bool IsPem(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> start = stackalloc byte[64];
        var read = file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        return System.Text.Encoding.ASCII.GetString(start[..read]).Contains("-----BEGIN", StringComparison.Ordinal);
    }
}
