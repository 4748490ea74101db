using Remandzana.Domain.Lines;

namespace Remandzana.Web.Abuse;

/// <summary>
/// A small form-encoded body as read by <see cref="FormReader"/>. When it is malformed,
/// <see cref="Fields"/> still holds what could be read, so the user's text can be shown back.
/// </summary>
public sealed record PostedForm(FormProblem Problem, Notice? Reason, IReadOnlyDictionary<string, string> Fields)
{
    public string? this[string name] => Fields.GetValueOrDefault(name);
}
