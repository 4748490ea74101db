namespace Remandzana.Web.Metrics;

/// <summary>Counts each relayed message where the footer's "messages today" reads it.</summary>
public interface IRelayTally
{
    void Record();
}
