namespace Remandzana.Web.Chat;

/// <summary>
/// The right of one page's stream to show a person's lines. A resume link opened while the stream
/// is still open takes the lease over: the old stream stops, says so, and lets go of the mailbox.
/// </summary>
public sealed class StreamLease : IDisposable
{
    private readonly CancellationTokenSource _takenOver = new();
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Fires when another page took the stream over.</summary>
    public CancellationToken TakenOver => _takenOver.Token;

    public bool IsTakenOver => _takenOver.IsCancellationRequested;

    /// <summary>The stream has stopped reading the mailbox.</summary>
    public Task Finished => _finished.Task;

    /// <summary>Stops the stream and waits (a little) until it no longer reads the mailbox.</summary>
    public async Task TakeOver()
    {
        await _takenOver.CancelAsync();
        try
        {
            await _finished.Task.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            // A stream stuck writing to a client that stopped reading: its lines are lost to it anyway.
        }
    }

    public void Finish() => _finished.TrySetResult();

    public void Dispose() => _takenOver.Dispose();
}
