namespace Remandzana.Domain.Moderation;

/// <summary>How many times one person violated each policy. Changed only in its owner's turn.</summary>
public sealed class ModerationRecord
{
    private readonly Dictionary<Policy, int> _violations = [];

    public int ViolationsOf(Policy policy) => _violations.GetValueOrDefault(policy);

    /// <summary>Every policy this person violated, with the count, for the debug view.</summary>
    public IReadOnlyDictionary<string, int> ByPolicyName =>
        _violations.GroupBy(pair => pair.Key.Name).ToDictionary(group => group.Key, group => group.Sum(pair => pair.Value));

    /// <summary>Warned that the next violation brings the ladder's consequence.</summary>
    public bool IsWarned => _violations.Any(pair => pair.Value >= pair.Key.Ladder.Suppressions);

    /// <summary>Brings back a count kept elsewhere (a room reloaded from storage).</summary>
    public void Restore(Policy policy, int count)
    {
        if (count > 0)
        {
            _violations[policy] = count;
        }
    }

    /// <returns>The new count (1 after the first violation).</returns>
    internal int Record(Policy policy)
    {
        var count = _violations.GetValueOrDefault(policy) + 1;
        _violations[policy] = count;
        return count;
    }
}
