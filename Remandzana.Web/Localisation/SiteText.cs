namespace Remandzana.Web.Localisation;

/// <summary>
/// The site's words in every language it speaks: <c>SiteText.resx</c> (English, the keys) and one
/// <c>SiteText.xx.resx</c> per language. Each key is the English text itself, so views read as the page does.
/// </summary>
public sealed class SiteText;
