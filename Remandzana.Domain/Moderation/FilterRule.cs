using Remandzana.Domain.Rooms;

namespace Remandzana.Domain.Moderation;

/// <summary>One filter as the operator wrote it (and as it is stored): compiled into a <see cref="ChatFilter"/> once.</summary>
/// <param name="Id">Names the rule for removing it; unique within the site's filters.</param>
/// <param name="Text">The word or pattern, exactly as typed.</param>
/// <param name="Replacement">What a <see cref="FilterAction.Replace"/> filter puts in place of what it matched; empty for the other actions.</param>
public sealed record FilterRule(string Id, Mode Mode, FilterKind Kind, string Text, FilterAction Action, string Replacement);
