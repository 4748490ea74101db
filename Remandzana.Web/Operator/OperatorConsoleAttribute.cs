namespace Remandzana.Web.Operator;

/// <summary>
/// Marks the console's endpoints (every <see cref="Controllers.Operator.OperatorController"/>): only
/// they go through authentication, the console's headers, and the "no operator, no console" rule
/// (see <see cref="Hosting.OperatorConsoleServices.UseOperatorConsole"/>); the chat pages never do.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class OperatorConsoleAttribute : Attribute;
