using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Orleans;
using Remandzana.Domain.Lines;
using Remandzana.Web.Abuse;
using Remandzana.Web.Chat;
using Remandzana.Web.Cluster;
using Remandzana.Web.Grains;
using Remandzana.Web.Options;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Captcha;

/// <summary>
/// Charges challenges to the client address that asks for them (its <see cref="Domain.People.AddressBlock"/>:
/// an IPv6 /64, a Tor circuit), counted across every instance: so many shown and so many wrong
/// answers a minute, then a 429 page that says when to come back. A pass is no origin here: whoever
/// asks for a challenge has none that works. Like every per-address limit, off when
/// <see cref="LimitsOptions.PerAddressLimitsEnabled"/> is false (every visitor would share one count).
/// </summary>
public sealed class ChallengeCosts(IGrainFactory grains, IOptions<LimitsOptions> limits)
{
    private const string ChargedKey = "Remandzana.ChallengeAnswerCharged";

    /// <returns>Null when one more challenge may be shown (it is counted), else the page to answer instead.</returns>
    public async Task<IActionResult?> Show(Controller controller) =>
        await Charge(controller, grain => grain.Show()) is > 0 and var seconds
            ? Problem(controller, seconds, "Too many challenges", "Your address asked for too many challenges in the last minute. Come back in {0} seconds.")
            : null;

    /// <returns>Null when one more answer may be checked (it counts as wrong until <see cref="Solved"/>), else the page to answer instead.</returns>
    public async Task<IActionResult?> Answer(Controller controller) =>
        await Charge(controller, grain => grain.Answer(), markCharged: true) is > 0 and var seconds
            ? Problem(controller, seconds, "Too many wrong answers", "Your address gave too many wrong answers in the last minute. Come back in {0} seconds.")
            : null;

    /// <summary>The answer let through was right: it costs nothing.</summary>
    public async Task Solved(Controller controller)
    {
        // Only an answer that was charged is given back: else an earlier wrong one would be.
        if (controller.HttpContext.Items.Remove(ChargedKey) && Grain(controller.HttpContext) is { } grain)
        {
            try
            {
                await grain.Solved();
            }
            catch (Exception e) when (ClusterFailure.Is(e))
            {
                // The answer stays counted as wrong until its minute has passed.
            }
        }
    }

    /// <returns>0 when charged (or not counted at all), else the seconds until the address may ask again.</returns>
    private async Task<int> Charge(Controller controller, Func<IChallengeCostGrain, Task<int>> take, bool markCharged = false)
    {
        if (Grain(controller.HttpContext) is not { } grain)
        {
            return 0;
        }

        try
        {
            var seconds = await take(grain);
            if (seconds == 0 && markCharged)
            {
                controller.HttpContext.Items[ChargedKey] = true;
            }

            return seconds;
        }
        catch (Exception e) when (ClusterFailure.Is(e))
        {
            // Uncounted rather than refused: an answer still needs the cluster, and says so if it is away.
            return 0;
        }
    }

    private static ViewResult Problem(Controller controller, int seconds, Notice title, string detail)
    {
        controller.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return controller.ProblemPage(StatusCodes.Status429TooManyRequests, title, Notice.Of(detail, NoticeArgument.Data(seconds)));
    }

    private IChallengeCostGrain? Grain(HttpContext context) =>
        limits.Value.PerAddressLimitsEnabled && RequestOrigin.BlockOf(context) is { } block
            ? grains.GetGrain<IChallengeCostGrain>(block.ToString())
            : null;
}
