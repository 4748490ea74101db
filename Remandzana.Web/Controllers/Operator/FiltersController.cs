using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.Rooms;
using Remandzana.Web.Operator;

namespace Remandzana.Web.Controllers.Operator;

/// <summary>The Admin's word and pattern filters, per mode, shared by every instance (<see cref="ChatFilterBook"/>).</summary>
[Authorize(Policy = OperatorPolicies.Admin)]
public sealed class FiltersController(ChatFilterBook filters, IOperatorAudit audit) : OperatorController
{
    [HttpGet("/operator/filters")]
    public async Task<IActionResult> Index()
    {
        await filters.Refresh();
        return Page(new FilterForm(), problem: null);
    }

    [HttpPost("/operator/filters/add")]
    public async Task<IActionResult> Add(
        [FromForm] string? mode,
        [FromForm] string? kind,
        [FromForm] string? text,
        [FromForm] string? action,
        [FromForm] string? replacement)
    {
        var typed = new FilterForm(mode ?? "", kind ?? "", text ?? "", action ?? "", replacement ?? "");
        if (!Enum.TryParse<Mode>(mode, out var inMode) || !Enum.IsDefined(inMode)
            || !Enum.TryParse<FilterKind>(kind, out var ofKind) || !Enum.IsDefined(ofKind)
            || !Enum.TryParse<FilterAction>(action, out var doing) || !Enum.IsDefined(doing))
        {
            return Refused(typed, "Choose a mode, a kind and an action from the lists.");
        }

        var rule = new FilterRule(RandomNumberGenerator.GetHexString(12, lowercase: true), inMode, ofKind, typed.Text, doing, doing == FilterAction.Replace ? typed.Replacement : "");
        var change = await filters.Add(rule);
        if (change.Problem is { } problem)
        {
            return Refused(typed, problem);
        }

        await audit.RecordAsync(OperatorName, "filter-add", Describe(rule));
        return SeeFilters();
    }

    [HttpPost("/operator/filters/remove")]
    public async Task<IActionResult> Remove([FromForm] string? id)
    {
        var rule = filters.Current.Rules.FirstOrDefault(candidate => candidate.Id == id);
        var change = await filters.Remove(id ?? "");
        if (change.Problem is { } problem)
        {
            return Refused(new FilterForm(), problem);
        }

        await audit.RecordAsync(OperatorName, "filter-remove", rule is null ? $"filter {id}" : Describe(rule));
        return SeeFilters();
    }

    /// <summary>"Two: word "darn" → replace with "****"".</summary>
    private static string Describe(FilterRule rule) =>
        $"{rule.Mode}: {rule.Kind.ToString().ToLowerInvariant()} \"{rule.Text}\" → {rule.Action.ToString().ToLowerInvariant()}" + (rule.Action == FilterAction.Replace ? $" with \"{rule.Replacement}\"" : "");

    private ViewResult Page(FilterForm form, string? problem) => View("Index", new FiltersPageModel(filters.Current.Rules, form, problem));

    private ViewResult Refused(FilterForm form, string problem)
    {
        var page = Page(form, problem);
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    private static RedirectResult SeeFilters() => new("/operator/filters", permanent: false) { PreserveMethod = false };
}
