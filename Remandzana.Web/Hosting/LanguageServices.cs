using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;
using Remandzana.Web.Chat;
using Remandzana.Web.Home;
using Remandzana.Web.Links;
using Remandzana.Web.Localisation;
using Remandzana.Web.Options;

namespace Remandzana.Web.Hosting;

public static class LanguageServices
{
    /// <summary>The site's languages (resource files read through <c>IStringLocalizer</c>), the matching options, the count of people online, and the two parameters links carry: <c>lang</c> and <c>interests</c>.</summary>
    public static IServiceCollection AddLanguagesAndInterests(this IServiceCollection services)
    {
        services.AddLocalization();

        // Every script as itself (UTF-8), not as character references; < > & " ' and the like are still encoded.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            // Read-only: the middleware hands each request CultureInfo.ReadOnly(supported), which copies a writable
            // culture (with its number and date formats) per request, and a chat stream keeps its copies for its life.
            var cultures = SiteLanguage.All.Select(language => System.Globalization.CultureInfo.ReadOnly(new System.Globalization.CultureInfo(language.Culture))).ToList();
            options.DefaultRequestCulture = new RequestCulture(SiteLanguage.English.Culture);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.RequestCultureProviders = [new LanguageChoice()];
        });
        services.AddOptions<MatchingOptions>().BindConfiguration(MatchingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ICarriedParameter, LanguageParameter>();
        services.AddSingleton<ICarriedParameter, InterestsParameter>();
        services.AddSingleton<PeopleOnline>();
        return services;
    }
}
