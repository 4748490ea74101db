using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace Remandzana.Web.Localisation;

/// <summary>
/// The language of a request: <c>?lang=xx</c> when it names one the site speaks, else the first
/// of the browser's <c>Accept-Language</c> the site speaks, else English. No cookie.
/// </summary>
public sealed class LanguageChoice : RequestCultureProvider
{
    public const string Parameter = "lang";

    public static SiteLanguage For(HttpContext context) =>
        FromAddress(context) ?? FromBrowser(context) ?? SiteLanguage.English;

    /// <summary>The language the address names, if the site speaks it.</summary>
    public static SiteLanguage? FromAddress(HttpContext context) => SiteLanguage.FromCode(context.Request.Query[Parameter].FirstOrDefault());

    private static SiteLanguage? FromBrowser(HttpContext context)
    {
        if (!StringWithQualityHeaderValue.TryParseList(context.Request.Headers.AcceptLanguage, out var tags))
        {
            return null;
        }

        return tags
            .Where(tag => tag.Quality is not 0)
            .OrderByDescending(tag => tag.Quality ?? 1)
            .Select(tag => SiteLanguage.FromTag(tag.Value.Value))
            .FirstOrDefault(language => language is not null);
    }

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var language = For(httpContext);
        return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(language.Culture));
    }
}
