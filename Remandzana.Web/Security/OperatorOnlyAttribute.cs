using Remandzana.Web.Grains;
namespace Remandzana.Web.Security;

/// <summary>
/// Endpoint metadata: only the operator's own machines (<see cref="OperatorAccess"/>) reach this
/// endpoint. The gate reads it from the endpoint that routing picked, so every spelling of the
/// path that leads here (case, a trailing slash, HEAD for GET) meets the same check.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public class OperatorOnlyAttribute : Attribute
{
    /// <summary>Whether this endpoint is open to everyone after all (a setting may open it).</summary>
    public virtual bool IsPublic(IServiceProvider services) => false;
}
