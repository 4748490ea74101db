namespace Remandzana.Web.Chat;

/// <summary>A friendly page for a refusal (403, 404, 429, 503): what happened and what to do.</summary>
public sealed record ProblemModel(string Title, string Detail);
