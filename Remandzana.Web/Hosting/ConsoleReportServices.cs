using Remandzana.Web.Cluster;
using Remandzana.Web.Operator;

namespace Remandzana.Web.Hosting;

public static class ConsoleReportServices
{
    /// <summary>The console's reports, bars and feedback pages: what makes their changes take effect on every instance at once.</summary>
    public static IServiceCollection AddConsoleReports(this IServiceCollection services)
    {
        services.AddSingleton<OperatorChanges>();
        services.AddSingleton<BarsApplied>();
        return services;
    }
}
