using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Remandzana.Domain.People;
using Remandzana.Web.Options;

namespace Remandzana.Web.Security;

/// <summary>Issues and reads the opaque token in every send form, the person's only credential.</summary>
public sealed class SendTokens(IDataProtectionProvider provider, TimeProvider time, IOptions<ChatOptions> options)
{
    private readonly TimedSeal _seal = new(provider, "Remandzana.SendToken.v2", time);
    private readonly TimeSpan _lifetime = TimeSpan.FromHours(options.Value.TokenLifetimeHours);

    /// <param name="home">The instance that serves the person's stream (its silo address), where their sends go.</param>
    public string Issue(PersonId id, string home, bool isSetup) => _seal.Seal($"{(isSetup ? 's' : 'm')}|{id.Value}|{home}");

    /// <returns>The token's contents, or null when it is missing, forged, tampered with or expired.</returns>
    public SendToken? Read(string? token)
    {
        if (_seal.Open(token, _lifetime) is not var (content, _) || content.Split('|') is not [[var kind], var id, var home] || id.Length == 0 || home.Length == 0)
        {
            return null;
        }

        return new SendToken(new PersonId(id), home, kind == 's');
    }
}
