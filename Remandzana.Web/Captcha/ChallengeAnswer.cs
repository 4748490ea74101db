using Remandzana.Web.Grains;
namespace Remandzana.Web.Captcha;

public enum ChallengeAnswer
{
    Solved,
    Wrong,

    /// <summary>Expired, forged, or answered before (each challenge is answerable once).</summary>
    Stale,
}
