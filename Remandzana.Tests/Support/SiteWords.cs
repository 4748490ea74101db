using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Remandzana.Web.Localisation;

namespace Remandzana.Tests.Support;

/// <summary>The site's own words, read from its resource files as the app reads them.</summary>
public static class SiteWords
{
    public static IStringLocalizer<SiteText> Localizer() =>
        new StringLocalizer<SiteText>(new ResourceManagerStringLocalizerFactory(
            Microsoft.Extensions.Options.Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));
}
