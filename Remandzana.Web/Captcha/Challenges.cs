using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Orleans;
using Remandzana.Domain.Captcha;
using Remandzana.Web.Localisation;
using Remandzana.Web.Options;
using Remandzana.Web.Security;

namespace Remandzana.Web.Captcha;

/// <summary>
/// Makes challenges and takes their answers. A challenge travels sealed (signed and encrypted by
/// Data Protection) as its own id, so any instance can draw its picture and check an answer
/// without storing anything until it is answered; the answered ones are spent in the cluster.
/// </summary>
public sealed class Challenges(IDataProtectionProvider provider, TimeProvider time, IOptions<CaptchaOptions> options, IGrainFactory grains, IStringLocalizer<SiteText> words)
{
    public const int Shards = 16;

    private static readonly Random Random = new CryptoRandom();

    private readonly TimedSeal _seal = new(provider, "Remandzana.Captcha.v1", time);
    private readonly TimeSpan _lifetime = TimeSpan.FromMinutes(options.Value.ChallengeMinutes);

    /// <returns>A new challenge; its <see cref="Challenge.Id"/> is the sealed text that names it in pages and addresses.</returns>
    public Challenge Issue()
    {
        var drawn = Challenge.Draw(Random, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        var id = _seal.Seal(string.Join('|', drawn.Id, drawn.Code, drawn.Question.First.ToString(CultureInfo.InvariantCulture), drawn.Question.Second.ToString(CultureInfo.InvariantCulture)));
        return drawn with { Id = id };
    }

    /// <returns>The challenge a sealed id names, or null when it is forged or expired.</returns>
    public Challenge? Open(string? sealedId) => Open(sealedId, out _, out _);

    /// <returns>What a challenge's picture shows, and the seed of its distortion (the same picture each time it is asked for, so averaging many does not help), or null.</returns>
    public (string Code, int Seed)? Picture(string? sealedId) =>
        Open(sealedId, out var spentId, out _) is { } challenge ? (challenge.Code, Convert.ToInt32(spentId[..8], 16)) : null;

    /// <summary>Takes an answer to a challenge: right or wrong, the challenge cannot be answered again.</summary>
    public async Task<ChallengeAnswer> Answer(string? sealedId, string? code, string? answer)
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

        return challenge.IsSolvedBy(code, SpokenAnswer.Digits(answer, words)) ? ChallengeAnswer.Solved : ChallengeAnswer.Wrong;
    }

    private Challenge? Open(string? sealedId, out string spentId, out DateTimeOffset issuedAt)
    {
        spentId = "";
        issuedAt = default;
        if (_seal.Open(sealedId, _lifetime) is not var (content, issued)
            || content.Split('|') is not [var id, var code, var first, var second]
            || id.Length != 32
            || !int.TryParse(first, CultureInfo.InvariantCulture, out var a)
            || !int.TryParse(second, CultureInfo.InvariantCulture, out var b))
        {
            return null;
        }

        spentId = id;
        issuedAt = issued;
        return new Challenge(sealedId!, code, new TextQuestion(a, b));
    }
}
