namespace Remandzana.Web.Debug;

/// <summary>One connected person as the debug view shows them.</summary>
/// <param name="Entry">The page they opened (Two, Any, QuestionAsk…).</param>
/// <param name="Room">The id of their room, or null while they wait.</param>
/// <param name="Lobbies">The modes of the lobbies they wait in.</param>
/// <param name="WarnedNotTalking">Told once that they are not talking to anyone yet.</param>
/// <param name="Warned">Had the last suppression of some moderation policy: the next violation gets its consequence.</param>
/// <param name="Violations">Violations per moderation policy.</param>
/// <param name="Instance">The instance serving their stream when several share Redis; null in one process.</param>
/// <param name="Language">The site's language for them ("es"), which they meet first; empty in global chat.</param>
/// <param name="Interests">Their interests, which they meet first.</param>
public sealed record PersonView(
    string Id,
    string Role,
    string Entry,
    DateTimeOffset JoinedAt,
    string? Room,
    IReadOnlyList<string> Lobbies,
    bool QuestionSet,
    bool Silenced,
    string? Nickname,
    bool WarnedNotTalking,
    bool Warned,
    IReadOnlyDictionary<string, int> Violations,
    string? Instance = null,
    string Language = "",
    IReadOnlyList<string>? Interests = null);
