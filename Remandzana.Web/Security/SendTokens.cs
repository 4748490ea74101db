using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Remandzana.Domain.People;
using Remandzana.Web.Options;

namespace Remandzana.Web.Security;

/// <summary>
/// Issues and reads the opaque token in every send form, the person's only credential.
/// Data Protection signs and encrypts it; the issue time inside is checked against the
/// injected clock, so expiry is testable without waiting.
/// </summary>
public sealed class SendTokens(IDataProtectionProvider provider, TimeProvider time, IOptions<ChatOptions> options)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Remandzana.SendToken.v1");
    private readonly TimeSpan _lifetime = TimeSpan.FromHours(options.Value.TokenLifetimeHours);

    public string Issue(PersonId id, bool isSetup)
    {
        var payload = string.Join('|', id.Value, time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), isSetup ? "s" : "m");
        return Base64Url.EncodeToString(_protector.Protect(Encoding.UTF8.GetBytes(payload)));
    }

    /// <returns>The token's contents, or null when it is missing, forged, tampered with or expired.</returns>
    public SendToken? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1024)
        {
            return null;
        }

        string payload;
        try
        {
            payload = Encoding.UTF8.GetString(_protector.Unprotect(Base64Url.DecodeFromChars(token)));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }

        var parts = payload.Split('|');
        if (parts.Length != 3 || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out var issuedSeconds))
        {
            return null;
        }

        var issuedAt = DateTimeOffset.FromUnixTimeSeconds(issuedSeconds);
        var age = time.GetUtcNow() - issuedAt;
        if (age > _lifetime || age < TimeSpan.FromMinutes(-5))
        {
            return null;
        }

        return new SendToken(new PersonId(parts[0]), issuedAt, parts[2] == "s");
    }
}
