using Remandzana.Web.Links;

namespace Remandzana.Web.Localisation;

/// <summary>Carries <c>?lang=</c> in every link and form when the address chose a language the site speaks (a header's choice needs no carrying).</summary>
public sealed class LanguageParameter : ICarriedParameter
{
    public string Name => LanguageChoice.Parameter;

    public string? Carry(HttpContext context) => LanguageChoice.FromAddress(context)?.Code;
}
