using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Remandzana.Web.Options;

namespace Remandzana.Web.Operator;

/// <summary>
/// The configured operators and the check of a name and password. The hasher compares in constant
/// time; a name that is not configured is checked against a hash of nothing known, so the time an
/// answer takes does not tell which names exist. The browser sends the password with every
/// console request: a name and password that passed are remembered for a few minutes (as an HMAC
/// under a key of this process, never in clear), so a page costs one PBKDF2 check per
/// <see cref="RememberFor"/>, not one per request.
/// </summary>
public sealed class OperatorPasswords
{
    private static readonly PasswordHasher<OperatorAccount> Hasher = new();

    private const int MaxRemembered = 64;
    private static readonly TimeSpan RememberFor = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, OperatorAccount> _accounts;
    private readonly OperatorAccount _nobody;
    private readonly byte[] _rememberKey = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, (OperatorAccount Account, long Until)> _remembered = new(StringComparer.Ordinal);

    public OperatorPasswords(IOptions<OperatorsOptions> options)
    {
        _accounts = options.Value.ByName.ToDictionary(
            pair => pair.Key,
            pair => new OperatorAccount(pair.Key, pair.Value.Role, pair.Value.PasswordHash),
            StringComparer.Ordinal);
        _nobody = new OperatorAccount("", OperatorRoles.Moderator, Hasher.HashPassword(null!, Guid.NewGuid().ToString()));
    }

    /// <summary>False when no operator is configured: then the console does not exist.</summary>
    public bool AnyConfigured => _accounts.Count > 0;

    public OperatorAccount? Find(string name) => _accounts.GetValueOrDefault(name);

    /// <returns>The operator, or null when the name is unknown or the password wrong.</returns>
    public OperatorAccount? Check(string name, string password)
    {
        var memo = Convert.ToBase64String(HMACSHA256.HashData(_rememberKey, Encoding.UTF8.GetBytes(name + "\0" + password)));
        var now = Environment.TickCount64;
        if (_remembered.TryGetValue(memo, out var remembered) && remembered.Until > now)
        {
            return remembered.Account;
        }

        var known = _accounts.GetValueOrDefault(name);
        var account = known ?? _nobody;
        var result = Hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (known is null || result is not (PasswordVerificationResult.Success or PasswordVerificationResult.SuccessRehashNeeded))
        {
            return null;
        }

        if (_remembered.Count >= MaxRemembered)
        {
            _remembered.Clear();
        }

        _remembered[memo] = (known, now + (long)RememberFor.TotalMilliseconds);
        return known;
    }

    /// <summary>A hash of <paramref name="password"/> in the format <c>Remandzana:Operators:{name}:PasswordHash</c> takes.</summary>
    public static string Hash(string password) => Hasher.HashPassword(null!, password);
}
