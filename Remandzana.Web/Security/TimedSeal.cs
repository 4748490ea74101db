using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Remandzana.Web.Grains;

namespace Remandzana.Web.Security;

/// <summary>
/// Opaque, URL-safe text that Data Protection signs and encrypts, carrying its issue time; opening
/// it checks the age against the injected clock, so every expiry is testable without waiting.
/// Send-form tokens, debug keys and the exile mark are all made this way.
/// </summary>
public sealed class TimedSeal(IDataProtectionProvider provider, string purpose, TimeProvider time)
{
    private const int MaxLength = 1024;

    /// <summary>How far ahead of this server's clock an issue time may be (another instance's clock).</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly IDataProtector _protector = provider.CreateProtector(purpose);

    public string Seal(string content)
    {
        var payload = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + "|" + content;
        return Base64Url.EncodeToString(_protector.Protect(Encoding.UTF8.GetBytes(payload)));
    }

    /// <returns>The sealed content and its issue time, or null when missing, forged, tampered with or older than <paramref name="lifetime"/>.</returns>
    public (string Content, DateTimeOffset IssuedAt)? Open(string? sealedText, TimeSpan lifetime)
    {
        if (string.IsNullOrEmpty(sealedText) || sealedText.Length > MaxLength)
        {
            return null;
        }

        string payload;
        try
        {
            payload = Encoding.UTF8.GetString(_protector.Unprotect(Base64Url.DecodeFromChars(sealedText)));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }

        var separator = payload.IndexOf('|', StringComparison.Ordinal);
        if (separator < 0 || !long.TryParse(payload.AsSpan(0, separator), CultureInfo.InvariantCulture, out var seconds))
        {
            return null;
        }

        var issuedAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        var age = time.GetUtcNow() - issuedAt;
        return age <= lifetime && age >= -ClockSkew ? (payload[(separator + 1)..], issuedAt) : null;
    }
}
