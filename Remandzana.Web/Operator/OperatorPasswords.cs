using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Remandzana.Web.Options;

namespace Remandzana.Web.Operator;

/// <summary>
/// The configured operators and the check of a name and password. The hasher compares in constant
/// time; a name that is not configured is checked against a hash of nothing known, so the time an
/// answer takes does not tell which names exist.
/// </summary>
public sealed class OperatorPasswords
{
    private static readonly PasswordHasher<OperatorAccount> Hasher = new();

    private readonly Dictionary<string, OperatorAccount> _accounts;
    private readonly OperatorAccount _nobody;

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
        var known = _accounts.GetValueOrDefault(name);
        var account = known ?? _nobody;
        var result = Hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        return known is not null && result is PasswordVerificationResult.Success or PasswordVerificationResult.SuccessRehashNeeded
            ? known
            : null;
    }

    /// <summary>A hash of <paramref name="password"/> in the format <c>Remandzana:Operators:{name}:PasswordHash</c> takes.</summary>
    public static string Hash(string password) => Hasher.HashPassword(null!, password);
}
