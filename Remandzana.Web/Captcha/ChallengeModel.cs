using Remandzana.Domain.Captcha;
using Remandzana.Domain.Lines;
using Remandzana.Web.Grains;

namespace Remandzana.Web.Captcha;

/// <param name="Then">The chat page (path and query) the person was going to; they go on there once solved.</param>
/// <param name="Message">Why a new challenge is shown, if it is not the first.</param>
public sealed record ChallengeModel(Challenge Challenge, string Then, Notice? Message, int PassChats, int PassMinutes)
{
    public const string View = "~/Views/Captcha/Challenge.cshtml";

    public string PictureUrl => $"/captcha/{Challenge.Id}.png";

    public string RecordingUrl => $"/captcha/{Challenge.Id}.wav";

    public int SpokenDigits => Challenge.SpokenCode.Length;
}
