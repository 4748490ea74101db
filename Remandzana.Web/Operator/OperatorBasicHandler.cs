using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Remandzana.Web.Abuse;

namespace Remandzana.Web.Operator;

/// <summary>
/// HTTP Basic authentication for the console (scheme <see cref="OperatorBasicDefaults.AuthenticationScheme"/>): works in every browser
/// without script or cookies; the browser sends the name and password again with every request.
/// Wrong passwords are counted per origin (<see cref="LoginFailures"/>) and logged with the name
/// tried, never the password.
/// </summary>
public sealed partial class OperatorBasicHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    OperatorPasswords passwords,
    LoginFailures failures)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    private const int MaxHeaderLength = 1024;
    private const int MaxLoggedNameLength = 64;

    private readonly ILogger _log = loggerFactory.CreateLogger<OperatorBasicHandler>();
    private bool _spent;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var origin = RequestOrigin.BlockOf(Context)?.ToString() ?? "unknown";
        if (failures.AreSpent(origin))
        {
            _spent = true;
            return Task.FromResult(AuthenticateResult.Fail("Too many wrong passwords from this origin."));
        }

        var (name, password) = header.Length <= MaxHeaderLength ? Decode(header.AsSpan(6).Trim()) : ("", "");
        var account = name.Length > 0 ? passwords.Check(name, password) : null;
        if (account is null)
        {
            failures.Count(origin);
            LogRefused(Printable(name));
            return Task.FromResult(AuthenticateResult.Fail("Wrong name or password."));
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, account.Name), new Claim(ClaimTypes.Role, account.Role)],
            OperatorBasicDefaults.AuthenticationScheme,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), OperatorBasicDefaults.AuthenticationScheme)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.CacheControl = "no-store";
        if (_spent)
        {
            // Not a 401: a browser would prompt again and again while no password can succeed.
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)failures.Window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers[HeaderNames.WWWAuthenticate] = $"Basic realm=\"{OperatorBasicDefaults.Realm}\", charset=\"UTF-8\"";
        return Task.CompletedTask;
    }

    /// <summary>The name and password of a Basic header's base64 part (UTF-8, split at the first colon), or empty ones.</summary>
    private static (string Name, string Password) Decode(ReadOnlySpan<char> encoded)
    {
        var bytes = new byte[encoded.Length];
        if (!Convert.TryFromBase64Chars(encoded, bytes, out var length))
        {
            return ("", "");
        }

        var text = Encoding.UTF8.GetString(bytes, 0, length);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? ("", "") : (text[..colon], text[(colon + 1)..]);
    }

    /// <summary>The name tried, safe for a log line: control and invisible characters escaped, cut to a length.</summary>
    private static string Printable(string name)
    {
        var printable = new StringBuilder();
        foreach (var rune in name.EnumerateRunes())
        {
            if (printable.Length >= MaxLoggedNameLength)
            {
                printable.Append('…');
                break;
            }

            var category = Rune.GetUnicodeCategory(rune);
            if (category is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator)
            {
                printable.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{rune.Value:X4}");
            }
            else
            {
                printable.Append(rune.ToString());
            }
        }

        return printable.ToString();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Operator login refused: wrong name or password for the name \"{TriedName}\"")]
    private partial void LogRefused(string triedName);
}
