using Remandzana.Web.Grains;
using Remandzana.Web.Links;

namespace Remandzana.Web.Captcha;

/// <summary>Every link and form carries the request's pass, if it is valid.</summary>
public sealed class PassParameter : ICarriedParameter
{
    public string Name => Passes.Parameter;

    public string? Carry(HttpContext context) => context.Items[Passes.SealedItem] as string;
}
