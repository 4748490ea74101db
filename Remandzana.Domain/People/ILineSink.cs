using Remandzana.Domain.Lines;

namespace Remandzana.Domain.People;

/// <summary>Where the lines for one person go: their stream's mailbox, or a grain's outgoing batch for the instance that holds the stream.</summary>
public interface ILineSink
{
    /// <returns>False when the reader has stalled (the person is then disconnected); a closed sink drops lines silently.</returns>
    bool Post(Line line);

    /// <summary>No more lines: the stream shows what is queued and ends.</summary>
    void Close();
}
