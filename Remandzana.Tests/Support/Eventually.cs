namespace Remandzana.Tests.Support;

/// <summary>
/// Waits for something that follows from an action but announces itself by no event the test can
/// await (a file, a log line of another process, a count, a health answer): checks it again and
/// again until it holds, and fails the test after a generous while, naming what was awaited.
/// Where an event exists (a line on a stream, a process exiting), await that instead.
/// </summary>
public static class Eventually
{
    /// <summary>Long enough for a loaded two-core machine; a test that passes never waits this long.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan FirstInterval = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LongestInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Waits until <paramref name="condition"/> holds.</summary>
    /// <param name="what">What is awaited, as the failure message finishes "Timed out waiting for …".</param>
    /// <param name="state">What was last seen, added to the failure message.</param>
    /// <param name="within">Instead of <see cref="Patience"/>, for what is known to take longer.</param>
    public static Task That(Func<bool> condition, string what, Func<string>? state = null, TimeSpan? within = null) =>
        That(() => Task.FromResult(condition()), what, state, within);

    /// <summary>Waits until <paramref name="condition"/> holds (a check that asks a server or a process).</summary>
    /// <inheritdoc cref="That(Func{bool}, string, Func{string}?, TimeSpan?)" path="/param"/>
    public static Task That(Func<Task<bool>> condition, string what, Func<string>? state = null, TimeSpan? within = null) =>
        Found(async () => await condition() ? what : null, what, state, within);

    /// <summary>Waits until <paramref name="find"/> finds something, and returns it.</summary>
    /// <inheritdoc cref="That(Func{bool}, string, Func{string}?, TimeSpan?)" path="/param"/>
    public static Task<T> Found<T>(Func<T?> find, string what, Func<string>? state = null, TimeSpan? within = null)
        where T : class =>
        Found(() => Task.FromResult(find()), what, state, within);

    /// <summary>Waits until <paramref name="find"/> finds something (by asking a server or a process), and returns it.</summary>
    /// <inheritdoc cref="That(Func{bool}, string, Func{string}?, TimeSpan?)" path="/param"/>
    public static async Task<T> Found<T>(
Func<Task<T?>> find, string what, Func<string>? state = null, TimeSpan? within = null)
        where T : class
    {
        var patience = within ?? Patience;
        var deadline = DateTime.UtcNow + patience;
        var interval = FirstInterval;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left > TimeSpan.Zero)
            {
                try
                {
                    // A check that hangs (a request to a process that stopped answering) counts against the same patience.
                    if (await find().WaitAsync(left) is { } found)
                    {
                        return found;
                    }
                }
                catch (TimeoutException)
                {
                }
            }

            if (DateTime.UtcNow >= deadline)
            {
                Assert.Fail($"Timed out after {patience.TotalSeconds} s waiting for {what}.{(state is null ? "" : $" Last seen: {state()}")}");
            }

            await Task.Delay(interval);
            interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, LongestInterval.Ticks));
        }
    }
}
