using Remandzana.Domain.Rooms;

namespace Remandzana.Domain.Moderation;

/// <summary>The policies active in each mode, in the order they are checked.</summary>
public sealed class PoliciesByMode
{
    public static readonly PoliciesByMode None = new(new Dictionary<Mode, IReadOnlyList<Policy>>());

    private readonly Dictionary<Mode, IReadOnlyList<Policy>> _policies;

    public PoliciesByMode(IReadOnlyDictionary<Mode, IReadOnlyList<Policy>> policies) =>
        _policies = policies.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<Policy>)pair.Value.ToArray());

    public IReadOnlyList<Policy> For(Mode mode) => _policies.GetValueOrDefault(mode) ?? [];

    /// <summary>
    /// These policies, where one is the same as in <paramref name="earlier"/> (same mode, name and
    /// ladder) taking the earlier one's place: people's violations are counted per policy, so a
    /// change to one policy must not forget what was counted against the others.
    /// </summary>
    public PoliciesByMode KeepingFrom(PoliciesByMode earlier) =>
        new(_policies.ToDictionary(
            pair => pair.Key,
            pair => (IReadOnlyList<Policy>)pair.Value
                .Select(policy => earlier.For(pair.Key).FirstOrDefault(old => old.Name == policy.Name && old.Ladder == policy.Ladder && old.GetType() == policy.GetType()) ?? policy)
                .ToArray()));

    /// <summary>The <see cref="RepeatedText"/> policy of <paramref name="mode"/>, if it is on there.</summary>
    public RepeatedText? RepeatedTextIn(Mode mode) => For(mode).OfType<RepeatedText>().FirstOrDefault();

    /// <summary>Some mode counts copies of texts across rooms, so messages must be shown to <see cref="TextEchoes"/>.</summary>
    public bool CountsEchoes => _policies.Values.Any(policies => policies.Any(policy => policy is RepeatedText));

    /// <summary>The first policy of <paramref name="mode"/> that <paramref name="text"/> violates, if any.</summary>
    public Policy? ViolatedBy(Mode mode, string text)
    {
        var message = new Reading(text);
        return For(mode).FirstOrDefault(policy => policy.IsViolatedBy(message));
    }
}
