namespace Remandzana.Web.Operator;

/// <summary>A console form that was refused, shown again next to that form: why, and what was typed (kept).</summary>
/// <param name="File">The file the form was about (null for a new operator notice).</param>
/// <param name="Person">For a bar, the name's place in the report.</param>
/// <param name="Notice">The form for a new operator notice.</param>
public sealed record ConsoleAttempt(string? File, int? Person, string Problem, string Typed, bool Notice = false);
