using System.Collections.Frozen;
using System.Text;
using Remandzana.Domain.Rooms;

namespace Remandzana.Domain.Moderation;

/// <summary>
/// The operator's filters of every mode, compiled, in the order they were added. Immutable: a change
/// makes a new set (<see cref="TryAdd"/>, <see cref="Without"/>), so a room reads one set per turn.
/// </summary>
public sealed class ChatFilters
{
    /// <summary>The name a filter's verdict carries, as a policy's carries its own.</summary>
    public const string Name = "Filters";

    public const string SuppressReason = "it contains words that are not allowed here";

    public const string KickReason = "your message contained words that are not allowed here";

    public static readonly ChatFilters None = new([]);

    private static readonly Ladder SuppressOnly = new(int.MaxValue, Consequence.Kick);
    private static readonly Ladder KickAtOnce = new(0, Consequence.Kick);

    private readonly IReadOnlyList<ChatFilter> _filters;
    private readonly FrozenDictionary<Mode, ChatFilter[]> _byMode;

    private ChatFilters(IReadOnlyList<ChatFilter> filters)
    {
        _filters = filters;
        _byMode = filters.GroupBy(filter => filter.Rule.Mode).ToFrozenDictionary(group => group.Key, group => group.ToArray());
    }

    public IReadOnlyList<FilterRule> Rules => [.. _filters.Select(filter => filter.Rule)];

    public IReadOnlyList<ChatFilter> For(Mode mode) => _byMode.GetValueOrDefault(mode) ?? [];

    /// <summary>The filters of <paramref name="rules"/> that compile (a stored rule that no longer does is left out).</summary>
    public static ChatFilters From(IEnumerable<FilterRule> rules) =>
        new([.. rules.Select(rule => ChatFilter.TryCompile(rule, out _)).OfType<ChatFilter>()]);

    /// <summary>This set and <paramref name="rule"/>, or null with the reason, in the operator's words, when it cannot be added.</summary>
    public ChatFilters? TryAdd(FilterRule rule, out string? problem)
    {
        if (ChatFilter.TryCompile(rule, out problem) is not { } filter)
        {
            return null;
        }

        var ofMode = For(rule.Mode);
        if (ofMode.Count >= FilterLimits.MaxPerMode)
        {
            problem = $"{rule.Mode} has {FilterLimits.MaxPerMode} filters already, the most a mode may have: remove one first.";
            return null;
        }

        if (ofMode.Any(existing => existing.Rule.Kind == rule.Kind && existing.Rule.Text == rule.Text))
        {
            problem = $"{rule.Mode} has this {(rule.Kind == FilterKind.Word ? "word" : "pattern")} already.";
            return null;
        }

        if (_filters.Any(existing => existing.Rule.Id == rule.Id))
        {
            problem = "A filter with this id exists already.";
            return null;
        }

        return new([.. _filters, filter]);
    }

    /// <summary>This set without the filter <paramref name="id"/> (the same set when there is none).</summary>
    public ChatFilters Without(string id) =>
        _filters.Any(filter => filter.Rule.Id == id) ? new([.. _filters.Where(filter => filter.Rule.Id != id)]) : this;

    /// <summary>
    /// What the filters of <paramref name="mode"/> make of <paramref name="text"/>: kicked if any kick
    /// filter matches, else suppressed if any suppress filter does, else every replace filter's
    /// matches replaced (overlapping matches as one, by the first filter's text).
    /// </summary>
    public Filtered Apply(Mode mode, string text)
    {
        var filters = For(mode);
        if (filters.Count == 0)
        {
            return new Filtered(null, text);
        }

        var seen = FilterView.Seen(text);
        var folded = FilterView.Folded(text);
        FilterAction? strongest = null;
        var replaced = new List<(int Start, int End, string With)>();
        foreach (var filter in filters)
        {
            switch (filter.Rule.Action)
            {
                case FilterAction.Kick when filter.IsMatch(seen, folded):
                    return new Filtered(FilterAction.Kick, text);
                case FilterAction.Suppress when strongest != FilterAction.Suppress && filter.IsMatch(seen, folded):
                    strongest = FilterAction.Suppress;
                    break;
                case FilterAction.Replace when strongest is null or FilterAction.Replace:
                    foreach (var (start, end) in filter.Matches(seen, folded))
                    {
                        replaced.Add((start, end, filter.Rule.Replacement));
                        strongest = FilterAction.Replace;
                    }

                    break;
            }
        }

        return strongest == FilterAction.Replace ? new Filtered(FilterAction.Replace, Replace(text, replaced)) : new Filtered(strongest, text);
    }

    /// <summary>The verdict the sender of a message stopped by <paramref name="action"/> hears, worded as a policy's.</summary>
    public static Verdict VerdictOn(FilterAction action) => action == FilterAction.Kick
        ? new Verdict(Name, KickReason, KickAtOnce, Sanction.Kick, 1)
        : new Verdict(Name, SuppressReason, SuppressOnly, Sanction.Suppress, 1);

    private static string Replace(string text, List<(int Start, int End, string With)> spans)
    {
        var result = new StringBuilder(text.Length);
        var at = 0;
        foreach (var (start, end, with) in spans.OrderBy(span => span.Start).ThenByDescending(span => span.End))
        {
            if (start < at)
            {
                // Inside (or overlapping) a span already replaced: its rest goes with it.
                at = Math.Max(at, end);
                continue;
            }

            result.Append(text, at, start - at).Append(with);
            at = end;
        }

        return result.Append(text, at, text.Length - at).ToString();
    }
}
