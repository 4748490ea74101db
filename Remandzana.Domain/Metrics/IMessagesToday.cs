namespace Remandzana.Domain.Metrics;

/// <summary>The footer's "N messages today": chat messages relayed in the last 24 hours, at most a minute old.</summary>
public interface IMessagesToday
{
    ValueTask<long> Count();
}
