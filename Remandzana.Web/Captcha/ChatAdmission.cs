using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Orleans;
using Remandzana.Domain.Captcha;
using Remandzana.Domain.Lines;
using Remandzana.Web.Chat;
using Remandzana.Web.Cluster;
using Remandzana.Web.Grains;
using Remandzana.Web.Localisation;
using Remandzana.Web.Metrics;
using Remandzana.Web.Operator;
using Remandzana.Web.Options;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Captcha;

/// <summary>
/// The captcha's gate in front of every chat page: while a pass is needed (always, or while the
/// site is under pressure), a page without a valid pass gets a challenge instead, and a pass is
/// held to its limits.
/// </summary>
public sealed class ChatAdmission(Challenges challenges, ChallengeCosts costs, IGrainFactory grains, IOptions<CaptchaOptions> options, SiteSettings site, SiteMetrics metrics)
{
    private readonly CaptchaOptions _settings = options.Value;

    public async Task<Admission> Admit(Controller controller)
    {
        // Read once: the operator may change the mode while this page is being admitted.
        var inForce = site.Current;
        if (inForce.CaptchaOff)
        {
            return Admission.Open;
        }

        var context = controller.HttpContext;
        try
        {
            if (!await PassNeeded(inForce))
            {
                return Admission.Open;
            }

            if (Passes.IdOf(context) is not { } passId)
            {
                return Admission.Refused(await Challenge(controller, Then(context.Request), message: null));
            }

            var pass = grains.GetGrain<IPassGrain>(passId);
            return (PassEntry)await pass.Enter() switch
            {
                PassEntry.Admitted => Admission.Holding(pass, metrics.PassInUse(passId)),
                PassEntry.UsedUp => Admission.Refused(await Challenge(controller, Then(context.Request), Notice.Of("Your pass has opened all the {0} chats it was good for. Solve one more to go on.", NoticeArgument.Data(_settings.PassChats)))),
                PassEntry.TooManyOpen => Admission.Refused(controller.ProblemPage(StatusCodes.Status429TooManyRequests, "Too many open chats", "Your pass has too many chat pages open. Close some of them and try again.")),
                _ => Admission.Refused(controller.ProblemPage(StatusCodes.Status429TooManyRequests, "Too many new chats", "Your pass opened too many chats in the last minute. Wait a minute and try again.")),
            };
        }
        catch (Exception e) when (ClusterFailure.Is(e))
        {
            return Admission.Refused(controller.ProblemPage(StatusCodes.Status503ServiceUnavailable, ProblemModel.ChatUnavailable.Title, ProblemModel.ChatUnavailable.Detail));
        }
    }

    /// <summary>A new challenge page, the person's destination kept; or 429 when their address has been shown too many (<see cref="ChallengeCosts"/>).</summary>
    public async Task<IActionResult> Challenge(Controller controller, string then, Notice? message)
    {
        if (await costs.Show(controller) is { } tooMany)
        {
            return tooMany;
        }

        metrics.CaptchaShown();
        controller.Response.Headers.CacheControl = "no-store";
        var page = controller.View(ChallengeModel.View, new ChallengeModel(challenges.Issue(SiteLanguage.Current.Culture), then, message, _settings.PassChats, _settings.PassMinutes));
        page.StatusCode = message is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        return page;
    }

    /// <summary>
    /// Where a solved challenge leads: a chat page of this site with its query (the pass left out,
    /// a new one follows), or the home page for anything else.
    /// </summary>
    public static string Destination(string? then)
    {
        if (string.IsNullOrEmpty(then) || then[0] != '/')
        {
            return "/";
        }

        var query = then.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? then : then[..query];
        if (!ChatPage.All.Any(page => page.Path == path) && path != "/question")
        {
            return "/";
        }

        var kept = QueryHelpers.ParseQuery(query < 0 ? "" : then[query..])
            .Where(parameter => !string.Equals(parameter.Key, Passes.Parameter, StringComparison.OrdinalIgnoreCase))
            .SelectMany(parameter => parameter.Value.Select(value => KeyValuePair.Create(parameter.Key, value)));
        return QueryHelpers.AddQueryString(path, kept);
    }

    private async Task<bool> PassNeeded(SettingsInForce inForce) =>
        inForce.PassAlwaysNeeded
        || await grains.GetGrain<IChatPressureGrain>(0).Record() > inForce.PressureChatsPerMinute;

    private static string Then(HttpRequest request) => Destination(request.Path + request.QueryString);
}
