using Remandzana.Domain.Metrics;
using Remandzana.Web.Switchboards;

namespace Remandzana.Web.Metrics;

/// <summary>Feeds the footer's counter from the switchboard for as long as the app runs.</summary>
/// <remarks>When scaled out, Redis counts the messages of every instance instead (RedisMessagesToday).</remarks>
public sealed class MessageCounting(IChatSwitchboard switchboard, MessageCounter counter) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (switchboard is InMemorySwitchboard inMemory)
        {
            inMemory.Board.MessageRelayed += counter.Record;
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (switchboard is InMemorySwitchboard inMemory)
        {
            inMemory.Board.MessageRelayed -= counter.Record;
        }

        return Task.CompletedTask;
    }
}
