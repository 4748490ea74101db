using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Remandzana.Domain.Lines;
using Remandzana.Domain.People;
using Remandzana.Web.Abuse;
using Remandzana.Web.Chat;

namespace Remandzana.Web.Reports;

/// <summary>
/// Chat pages answer 403 to an origin the operator barred after a report: the request's pass, or
/// its address (behind the onion: its Tor circuit), each compared by its keyed hash (<see cref="OriginHashes"/>). The pass was read before any filter runs
/// (<see cref="Captcha.PassReading"/>); this one runs after the exile gate.
/// </summary>
public sealed class BarGate(Bars bars) : IActionFilter
{
    /// <summary>After the exile gate, so an exiled browser hears that first.</summary>
    public const int Order = 1_000;

    public void OnActionExecuting(ActionExecutingContext context)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) || context.Controller is not Controller controller)
        {
            return;
        }

        var origin = RequestOrigin.Of(http);
        var address = RequestOrigin.AddressOf(http);
        DateTimeOffset? barredUntil;
        try
        {
            barredUntil = bars.Until(origin) ?? (address == origin ? null : bars.Until(address));
        }
        catch (OriginHashKeyUnavailableException)
        {
            // Someone is barred and this instance cannot tell whether it is this browser: no chat until it can.
            context.Result = controller.ProblemPage(StatusCodes.Status503ServiceUnavailable, ProblemModel.ChatUnavailable);
            return;
        }

        if (barredUntil is not { } until)
        {
            return;
        }

        context.Result = controller.ProblemPage(
            StatusCodes.Status403Forbidden,
            "You are barred from chatting",
            Notice.Of("After a report, the operator barred this browser (its pass or its connection) from chat until {0} UTC.", NoticeArgument.Data(until.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))));
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}
