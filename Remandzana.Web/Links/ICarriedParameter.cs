namespace Remandzana.Web.Links;

/// <summary>
/// A choice the browser made that every link and form of the site carries forward in its query
/// string: without cookies, the address is the only memory a page has of it.
/// </summary>
public interface ICarriedParameter
{
    /// <summary>The query parameter's name.</summary>
    string Name { get; }

    /// <summary>The value to carry on from this request, in its canonical form, or null to carry nothing.</summary>
    string? Carry(HttpContext context);
}
