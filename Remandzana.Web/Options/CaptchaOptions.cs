using System.ComponentModel.DataAnnotations;

namespace Remandzana.Web.Options;

/// <summary>
/// Remandzana:Captcha — a challenge without script before a chat page opens, and the pass that
/// solving it gives (carried in the address as ?pass=, with its own limits).
/// </summary>
public sealed class CaptchaOptions
{
    public const string Section = "Remandzana:Captcha";

    [EnumDataType(typeof(CaptchaMode))]
    public CaptchaMode Mode { get; set; } = CaptchaMode.Off;

    /// <summary>In UnderPressure mode, chat pages asked for per minute across the site above which a pass is needed.</summary>
    [Range(1, 10_000_000)]
    public int PressureChatsPerMinute { get; set; } = 300;

    /// <summary>Digits the recording speaks (the picture's code is always six characters).</summary>
    [Range(Domain.Captcha.SpokenCode.FewestDigits, Domain.Captcha.SpokenCode.MostDigits, ErrorMessage = "Remandzana:Captcha:AudioDigits must be between 6 and 8.")]
    public int AudioDigits { get; set; } = 6;

    /// <summary>How long a challenge may take to answer.</summary>
    [Range(1, 1_440)]
    public int ChallengeMinutes { get; set; } = 10;

    /// <summary>How long a pass is good for.</summary>
    [Range(1, 10_080)]
    public int PassMinutes { get; set; } = 60;

    /// <summary>Chat pages one pass may open in its life; then a new challenge.</summary>
    [Range(1, 100_000)]
    public int PassChats { get; set; } = 30;

    /// <summary>Chat pages one pass may hold open at once.</summary>
    [Range(1, 100_000)]
    public int StreamsPerPass { get; set; } = 4;

    /// <summary>Chat pages one pass may open per minute.</summary>
    [Range(1, 100_000)]
    public int NewStreamsPerPassPerMinute { get; set; } = 10;

    /// <summary>Challenges one client address (or Tor circuit) may be shown per minute, however it asks; then 429.</summary>
    [Range(1, 100_000)]
    public int ChallengesPerMinute { get; set; } = 30;

    /// <summary>Answers one client address (or Tor circuit) may give per minute that do not pass (wrong, expired or replayed); then 429.</summary>
    [Range(1, 100_000)]
    public int WrongAnswersPerMinute { get; set; } = 10;

    /// <summary>
    /// Pictures and recordings one client address (or Tor circuit) may fetch per minute; then 429.
    /// Each is drawn or mixed anew on every fetch, so without a limit a script could spend the
    /// server's processor one cheap request at a time.
    /// </summary>
    [Range(1, 100_000)]
    public int MediaPerMinute { get; set; } = 120;
}
