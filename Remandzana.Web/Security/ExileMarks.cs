using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Remandzana.Web.Grains;
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

    private const string Content = "exiled";

    private readonly TimedSeal _seal = new(provider, "Remandzana.Exile.v2", time);
    private readonly TimeSpan _lifetime = TimeSpan.FromDays(options.Value.ExileDays);

    public void Mark(HttpContext context) =>
        context.Response.Cookies.Append(CookieName, _seal.Seal(Content), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            IsEssential = true,
            Path = "/",
            MaxAge = _lifetime,
        });

    public bool IsExiled(HttpRequest request) =>
        request.Cookies.TryGetValue(CookieName, out var mark) && _seal.Open(mark, _lifetime) is (Content, _);
}
