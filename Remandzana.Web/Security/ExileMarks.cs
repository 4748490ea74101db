using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Remandzana.Web.Options;

namespace Remandzana.Web.Security;

/// <summary>
/// The one cookie the site ever sets: a mark on the browser of someone a policy exiled, so chat
/// pages refuse it. Data Protection signs and encrypts it; the time inside is checked against
/// the injected clock so the mark lapses after <see cref="ModerationOptions.ExileDays"/>.
/// </summary>
public sealed class ExileMarks(IDataProtectionProvider provider, TimeProvider time, IOptions<ModerationOptions> options)
{
    public const string CookieName = "remandzana-exiled";

    private const string Prefix = "exiled|";

    private readonly IDataProtector _protector = provider.CreateProtector("Remandzana.Exile.v1");
    private readonly TimeSpan _lifetime = TimeSpan.FromDays(options.Value.ExileDays);

    public void Mark(HttpContext context)
    {
        var payload = Prefix + time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        context.Response.Cookies.Append(CookieName, Base64Url.EncodeToString(_protector.Protect(Encoding.UTF8.GetBytes(payload))), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            IsEssential = true,
            Path = "/",
            MaxAge = _lifetime,
        });
    }

    public bool IsExiled(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue(CookieName, out var mark) || string.IsNullOrEmpty(mark) || mark.Length > 1024)
        {
            return false;
        }

        string payload;
        try
        {
            payload = Encoding.UTF8.GetString(_protector.Unprotect(Base64Url.DecodeFromChars(mark)));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }

        if (!payload.StartsWith(Prefix, StringComparison.Ordinal) || !long.TryParse(payload.AsSpan(Prefix.Length), CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        return time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) <= _lifetime;
    }
}
