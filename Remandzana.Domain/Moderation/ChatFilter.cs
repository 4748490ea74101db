using System.Text.RegularExpressions;

namespace Remandzana.Domain.Moderation;

/// <summary>
/// A <see cref="FilterRule"/> ready to read messages. A word is found in the folded view (case,
/// look-alike letters and invisible characters do not hide it); a pattern runs, case-insensitive, on
/// both views (<see cref="FilterView"/>), so "b[a4]d" catches "BAD" and, written in plain lower-case
/// letters, "Ьаԁ" too. Patterns run with <see cref="RegexOptions.NonBacktracking"/>: linear in the
/// message whatever the pattern, so no pattern can stall a room.
/// </summary>
public sealed class ChatFilter
{
    public const RegexOptions PatternOptions = RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private readonly string? _word;

    private ChatFilter(FilterRule rule, string? word, Regex? pattern)
    {
        Rule = rule;
        _word = word;
        Pattern = pattern;
    }

    public FilterRule Rule { get; }

    /// <summary>The compiled pattern of a <see cref="FilterKind.Pattern"/> filter.</summary>
    public Regex? Pattern { get; }

    /// <summary>Compiles <paramref name="rule"/>, or says in the operator's words why it cannot be a filter.</summary>
    public static ChatFilter? TryCompile(FilterRule rule, out string? problem)
    {
        problem = Problem(rule);
        if (problem is not null)
        {
            return null;
        }

        if (rule.Kind == FilterKind.Word)
        {
            var word = FilterView.Folded(rule.Text.Trim()).Text;
            if (word.Length == 0)
            {
                problem = "This word is made only of characters a reader cannot see.";
                return null;
            }

            return new ChatFilter(rule, word, null);
        }

        Regex pattern;
        try
        {
            pattern = new Regex(rule.Text, PatternOptions);
        }
        catch (NotSupportedException e)
        {
            problem = $"This pattern needs backtracking (a backreference, a lookaround, an atomic group or a condition), which filters refuse so that every message is read in linear time: {e.Message}";
            return null;
        }
        catch (ArgumentException e)
        {
            problem = $"This is not a valid regular expression: {e.Message}";
            return null;
        }

        if (pattern.IsMatch(""))
        {
            problem = "This pattern matches an empty text, so it would act on every message.";
            return null;
        }

        return new ChatFilter(rule, null, pattern);
    }

    private static string? Problem(FilterRule rule)
    {
        if (!Enum.IsDefined(rule.Kind) || !Enum.IsDefined(rule.Action) || !Enum.IsDefined(rule.Mode))
        {
            return "Choose a mode, a kind and an action from the lists.";
        }

        if (string.IsNullOrWhiteSpace(rule.Text))
        {
            return rule.Kind == FilterKind.Word ? "Type the word to filter." : "Type the pattern to filter.";
        }

        if (rule.Text.Length > FilterLimits.MaxTextLength)
        {
            return $"A word or pattern is at most {FilterLimits.MaxTextLength} characters; this one has {rule.Text.Length}.";
        }

        if (rule.Action == FilterAction.Replace && string.IsNullOrWhiteSpace(rule.Replacement))
        {
            return "Type the text that replaces a match.";
        }

        if (rule.Replacement.Length > FilterLimits.MaxReplacementLength)
        {
            return $"A replacement is at most {FilterLimits.MaxReplacementLength} characters; this one has {rule.Replacement.Length}.";
        }

        return null;
    }

    /// <summary>The written text's spans this filter matches in <paramref name="seen"/> and <paramref name="folded"/> (views of one message).</summary>
    public List<(int Start, int End)> Matches(FilterView seen, FilterView folded)
    {
        var spans = new List<(int Start, int End)>();
        if (_word is { } word)
        {
            for (var at = folded.Text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = folded.Text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
            {
                spans.Add(folded.Written(at, word.Length));
            }

            return spans;
        }

        foreach (var view in (FilterView[])[seen, folded])
        {
            foreach (var match in Pattern!.EnumerateMatches(view.Text))
            {
                if (match.Length > 0)
                {
                    spans.Add(view.Written(match.Index, match.Length));
                }
            }
        }

        return spans;
    }

    public bool IsMatch(FilterView seen, FilterView folded) =>
        _word is { } word ? folded.Text.Contains(word, StringComparison.Ordinal) : Pattern!.IsMatch(seen.Text) || Pattern.IsMatch(folded.Text);

    public override string ToString() => $"{Rule.Mode} {Rule.Kind} \"{Rule.Text}\" → {Rule.Action}";
}
