namespace Remandzana.Web.Operator;

/// <summary>One configured operator: a name, a role and the hash of their password (Identity's <c>PasswordHasher</c> format).</summary>
public sealed record OperatorAccount(string Name, string Role, string PasswordHash);
