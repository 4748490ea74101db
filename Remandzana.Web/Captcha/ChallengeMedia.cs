using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Remandzana.Domain.Captcha;
using Remandzana.Web.Grains;
using Remandzana.Web.Options;

namespace Remandzana.Web.Captcha;

/// <summary>
/// A challenge's picture and recording, drawn or mixed once and kept while the challenge can be
/// answered: every fetch of one challenge is the same bytes anyway (its seed is sealed in it), so a
/// media player's range requests, or one id asked for from many circuits, cost one rendering. The
/// cache is bounded in bytes; what falls out is rendered again, the same.
/// </summary>
public sealed class ChallengeMedia(CaptchaPicture picture, CaptchaRecording recording, IOptions<CaptchaOptions> options) : IDisposable
{
    /// <summary>About 160 recordings of six digits, or many more pictures.</summary>
    private const long MaxBytes = 32 * 1024 * 1024;

    private readonly MemoryCache _kept = new(new MemoryCacheOptions { SizeLimit = MaxBytes });
    private readonly TimeSpan _lifetime = TimeSpan.FromMinutes(options.Value.ChallengeMinutes);

    public byte[] Picture(Challenge challenge) =>
        Kept("png:" + challenge.Id, () => picture.Draw(challenge.Code, challenge.Seed));

    public byte[] Recording(Challenge challenge) =>
        Kept("wav:" + challenge.Id, () => recording.Speak(challenge.SpokenCode, challenge.Language, ~challenge.Seed));

    public void Dispose() => _kept.Dispose();

    private byte[] Kept(string key, Func<byte[]> render)
    {
        if (_kept.TryGetValue(key, out byte[]? bytes) && bytes is not null)
        {
            return bytes;
        }

        bytes = render();
        _kept.Set(key, bytes, new MemoryCacheEntryOptions { Size = bytes.Length, AbsoluteExpirationRelativeToNow = _lifetime });
        return bytes;
    }
}
