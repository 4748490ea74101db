using Microsoft.Extensions.Options;
using Remandzana.Web.Grains;
using Remandzana.Web.Options;
using Remandzana.Web.Security;

namespace Remandzana.Web.Debug;

/// <summary>
/// The debug view is the operator's, unless Remandzana:Debug:Public opens it to everyone (its key is
/// still needed). Switched off, it is nobody's: everyone gets the same 404.
/// </summary>
public sealed class DebugViewAccessAttribute : OperatorOnlyAttribute
{
    public override bool IsPublic(IServiceProvider services) =>
        services.GetRequiredService<IOptions<DebugOptions>>().Value is var debug && (debug.Public || !debug.Enabled);
}
