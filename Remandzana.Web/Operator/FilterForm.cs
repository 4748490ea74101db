namespace Remandzana.Web.Operator;

/// <summary>The add-a-filter form as the operator filled it in, kept as typed when it is refused.</summary>
public sealed record FilterForm(string Mode = "Two", string Kind = "Word", string Text = "", string Action = "Suppress", string Replacement = "");
