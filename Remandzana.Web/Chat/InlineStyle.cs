using System.Security.Cryptography;
using System.Text;

namespace Remandzana.Web.Chat;

/// <summary>
/// The site's stylesheet, for files that must look like the site without loading anything (a
/// saved conversation), with the hash a Content-Security-Policy needs to allow exactly it.
/// </summary>
public sealed class InlineStyle(IWebHostEnvironment environment)
{
    private readonly Lazy<(string Css, string Source)> _style = new(() =>
    {
        using var reader = new StreamReader(environment.WebRootFileProvider.GetFileInfo("css/site.css").CreateReadStream(), Encoding.UTF8);
        var css = reader.ReadToEnd();
        return (css, $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(css)))}'");
    });

    public string Css => _style.Value.Css;

    /// <summary>The CSP source (<c>'sha256-…'</c>) that allows this style element and no other.</summary>
    public string HashSource => _style.Value.Source;
}
