using Remandzana.Domain.People;
using Remandzana.Web.Links;

namespace Remandzana.Web.Chat;

/// <summary>Carries <c>?interests=</c> in every link and form, normalised ("music,chess"); tags that are not valid are dropped.</summary>
public sealed class InterestsParameter : ICarriedParameter
{
    public const string Parameter = "interests";

    public string Name => Parameter;

    public string? Carry(HttpContext context) => For(context) is { IsEmpty: false } interests ? interests.ToString() : null;

    public static Interests For(HttpContext context) => Interests.Parse(context.Request.Query[Parameter].FirstOrDefault());
}
