using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Orleans;
using Remandzana.Domain.Captcha;
using Remandzana.Web.Grains;
using Remandzana.Web.Options;
using Remandzana.Web.Security;

namespace Remandzana.Web.Captcha;

/// <summary>
/// Makes challenges and takes their answers. A challenge travels sealed (signed and encrypted by
/// Data Protection) as its own id, so any instance can draw its picture and check an answer
/// without storing anything until it is answered; the answered ones are spent in the cluster.
/// </summary>
public sealed class Challenges(IDataProtectionProvider provider, TimeProvider time, IOptions<CaptchaOptions> options, IGrainFactory grains)
{
    public const int Shards = 16;

    private static readonly Random Random = new CryptoRandom();

    private readonly TimedSeal _seal = new(provider, "Remandzana.Captcha.v2", time);
    private readonly TimeSpan _lifetime = TimeSpan.FromMinutes(options.Value.ChallengeMinutes);
    private readonly int _spokenDigits = options.Value.AudioDigits;

    /// <param name="language">The culture of the page that shows it: the recording speaks it (or English, where it has no voice).</param>
    /// <returns>A new challenge; its <see cref="Challenge.Id"/> is the sealed text that names it in pages and addresses.</returns>
    public Challenge Issue(string language)
    {
        var drawn = Challenge.Draw(Random, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), _spokenDigits, language);
        var id = _seal.Seal(string.Join('|', drawn.Id, drawn.Code, drawn.SpokenCode, drawn.Seed.ToString(CultureInfo.InvariantCulture), drawn.Language));
        return drawn with { Id = id };
    }

    /// <returns>The challenge a sealed id names (its picture's code, its spoken digits, its seed), or null when it is forged or expired.</returns>
    public Challenge? Open(string? sealedId) => Open(sealedId, out _, out _);

    /// <summary>Takes an answer to a challenge: right or wrong, the challenge cannot be answered again.</summary>
    /// <param name="typed">The one answer field: the picture's code or the recording's digits.</param>
    public async Task<ChallengeAnswer> Answer(string? sealedId, string? typed)
    {
        if (Open(sealedId, out var spentId, out var issuedAt) is not { } challenge)
        {
            return ChallengeAnswer.Stale;
        }

        var shard = Convert.ToInt32(spentId[..2], 16) % Shards;
        var forgetAfter = issuedAt + _lifetime + TimeSpan.FromMinutes(10);
        if (!await grains.GetGrain<ISpentChallengesGrain>(shard).Spend(spentId, forgetAfter))
        {
            return ChallengeAnswer.Stale;
        }

        return challenge.IsSolvedBy(typed) ? ChallengeAnswer.Solved : ChallengeAnswer.Wrong;
    }

    private Challenge? Open(string? sealedId, out string spentId, out DateTimeOffset issuedAt)
    {
        spentId = "";
        issuedAt = default;
        if (_seal.Open(sealedId, _lifetime) is not var (content, issued)
            || content.Split('|') is not [var id, var code, var spoken, var seedText, var language]
            || id.Length != 32
            || !int.TryParse(seedText, NumberStyles.None, CultureInfo.InvariantCulture, out var seed))
        {
            return null;
        }

        spentId = id;
        issuedAt = issued;
        return new Challenge(sealedId!, code, spoken, seed, language);
    }
}
