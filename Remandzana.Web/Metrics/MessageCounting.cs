using Remandzana.Domain.Metrics;
using Remandzana.Domain.Switchboards;

namespace Remandzana.Web.Metrics;

/// <summary>Feeds the footer's counter from the switchboard for as long as the app runs.</summary>
public sealed class MessageCounting(Switchboard switchboard, MessageCounter counter) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        switchboard.MessageRelayed += counter.Record;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        switchboard.MessageRelayed -= counter.Record;
        return Task.CompletedTask;
    }
}
