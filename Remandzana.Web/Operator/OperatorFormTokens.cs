using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Remandzana.Web.Options;
using Remandzana.Web.Security;

namespace Remandzana.Web.Operator;

/// <summary>
/// The token every console form carries (field <see cref="Field"/>), so that a page elsewhere cannot
/// make an operator's browser post to the console (the browser would add the Basic credentials by
/// itself). Sealed by Data Protection under a purpose of its own, it holds the operator's name and a
/// stamp of their password hash, and expires after <c>Remandzana:Console:FormTokenMinutes</c>.
/// A token may be posted more than once while it lives, by the operator it was made for: a page
/// with several forms, or the back button, still works; another operator's token, an expired one,
/// or one made before the operator's password changed (Basic has no logout; changing the password
/// is the way to end every open page) is refused.
/// </summary>
public sealed class OperatorFormTokens(IDataProtectionProvider provider, TimeProvider time, OperatorPasswords passwords, IOptions<ConsoleOptions> options)
{
    /// <summary>The form field that carries the token.</summary>
    public const string Field = "operatorToken";

    private const string Purpose = "Remandzana.Operator.FormToken.v1";

    private readonly TimedSeal _seal = new(provider, Purpose, time);
    private readonly TimeSpan _lifetime = TimeSpan.FromMinutes(options.Value.FormTokenMinutes);

    /// <summary>A fresh token for the operator <paramref name="user"/> is.</summary>
    public string Issue(ClaimsPrincipal user)
    {
        var name = user.Identity?.Name ?? throw new InvalidOperationException("Form tokens are issued to a signed-in operator only.");
        return _seal.Seal(Binding(name));
    }

    /// <summary>True when <paramref name="token"/> was issued to <paramref name="user"/>, has not expired, and their password has not changed since.</summary>
    public bool Accepts(ClaimsPrincipal user, string? token)
    {
        if (user.Identity?.Name is not { Length: > 0 } name || _seal.Open(token, _lifetime) is not { } opened)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(opened.Content), Encoding.UTF8.GetBytes(Binding(name)));
    }

    private string Binding(string name)
    {
        var hash = passwords.Find(name)?.PasswordHash ?? "";
        var stamp = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(hash)).AsSpan(0, 8));
        return name + "|" + stamp;
    }
}
