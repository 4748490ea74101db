using System.Text;

namespace Remandzana.Web.Links;

/// <summary>
/// The site's own addresses for this request, each with the carried parameters appended,
/// so a choice made in one page's address survives every link and form that follows.
/// </summary>
public sealed class SiteLinks(IHttpContextAccessor accessor, IEnumerable<ICarriedParameter> parameters)
{
    private string? _query;

    /// <summary>The carried parameters as a query string ("" or "?a=1&amp;b=2"), computed once per request.</summary>
    public string Query => _query ??= Compose();

    /// <summary>A path of this site with the carried parameters (a path that has a query keeps it).</summary>
    public string To(string path)
    {
        var query = Query;
        if (query.Length == 0)
        {
            return path;
        }

        return path.Contains('?', StringComparison.Ordinal) ? $"{path}&{query[1..]}" : path + query;
    }

    private string Compose()
    {
        var context = accessor.HttpContext;
        if (context is null)
        {
            return "";
        }

        var query = new StringBuilder();
        foreach (var parameter in parameters)
        {
            var value = parameter.Carry(context);
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            query.Append(query.Length == 0 ? '?' : '&')
                .Append(Uri.EscapeDataString(parameter.Name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return query.ToString();
    }
}
