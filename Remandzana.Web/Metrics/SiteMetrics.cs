using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Remandzana.Domain.People;

namespace Remandzana.Web.Metrics;

/// <summary>
/// What operators scrape from /metrics: the instruments of the meter named "Remandzana" that the
/// chat itself feeds (other features add their own instruments to the same meter).
/// </summary>
public sealed class SiteMetrics
{
    public const string MeterName = "Remandzana";

    private readonly UpDownCounter<long> _chatPagesOpen;
    private readonly Counter<long> _roomsFormed;
    private readonly Counter<long> _messagesRelayed;
    private readonly Counter<long> _messagesSuppressed;
    private readonly Counter<long> _captchasShown;
    private readonly Counter<long> _captchasSolved;
    private readonly Counter<long> _captchasFailed;
    private readonly Counter<long> _refusals;
    private readonly Counter<long> _streamsDropped;
    private readonly ConcurrentDictionary<string, int> _passPages = new();

    private readonly Operator.InstanceActivity _activity;

    public SiteMetrics(IMeterFactory meters, Operator.InstanceActivity activity)
    {
        _activity = activity;
        var meter = meters.Create(MeterName);
        _chatPagesOpen = meter.CreateUpDownCounter<long>("remandzana.chat_pages.open", description: "Chat pages this instance is streaming, by mode.");
        _roomsFormed = meter.CreateCounter<long>("remandzana.rooms.formed", description: "Rooms formed by matchmaking.");
        _messagesRelayed = meter.CreateCounter<long>("remandzana.messages.relayed", description: "Chat messages relayed to a room.");
        _messagesSuppressed = meter.CreateCounter<long>("remandzana.messages.suppressed", description: "Messages a moderation policy stopped, by policy.");
        _captchasShown = meter.CreateCounter<long>("remandzana.captchas.shown", description: "Captcha challenges shown.");
        _captchasSolved = meter.CreateCounter<long>("remandzana.captchas.solved", description: "Captcha challenges solved (each gave a pass).");
        _captchasFailed = meter.CreateCounter<long>("remandzana.captchas.failed", description: "Captcha answers that were wrong, late or replayed.");
        meter.CreateObservableUpDownCounter("remandzana.passes.in_use", () => (long)_passPages.Count, description: "Passes with a chat page open on this instance.");
        _refusals = meter.CreateCounter<long>("remandzana.refusals", description: "Answers 429 (too many) and 503 (full or unavailable), by status.");
        _streamsDropped = meter.CreateCounter<long>("remandzana.streams.dropped_slow", description: "Chat streams dropped because their reader fell too far behind.");
    }

    /// <summary>A chat page of <paramref name="entry"/> is streaming until the returned handle is disposed.</summary>
    public IDisposable ChatPageOpen(ChatEntry entry)
    {
        var mode = new KeyValuePair<string, object?>("mode", entry.ToString().ToLowerInvariant());
        _chatPagesOpen.Add(1, mode);
        return new Closing(() => _chatPagesOpen.Add(-1, mode));
    }

    public void RoomsFormed(int count)
    {
        if (count > 0)
        {
            _roomsFormed.Add(count);
        }
    }

    public void MessageRelayed()
    {
        _messagesRelayed.Add(1);
        _activity.MessageRelayed();
    }

    public void MessageSuppressed(string policy) => _messagesSuppressed.Add(1, new KeyValuePair<string, object?>("policy", policy));

    public void CaptchaShown() => _captchasShown.Add(1);

    public void CaptchaSolved() => _captchasSolved.Add(1);

    public void CaptchaFailed() => _captchasFailed.Add(1);

    /// <summary>A chat page of the pass <paramref name="passId"/> is open here until the returned handle is disposed.</summary>
    public IDisposable PassInUse(string passId)
    {
        _passPages.AddOrUpdate(passId, 1, (_, pages) => pages + 1);
        return new Closing(() =>
        {
            if (_passPages.AddOrUpdate(passId, 0, (_, pages) => pages - 1) <= 0)
            {
                _passPages.TryRemove(KeyValuePair.Create(passId, 0));
            }
        });
    }

    public void Refused(int status)
    {
        _refusals.Add(1, new KeyValuePair<string, object?>("status", status));
        _activity.Answered(status);
    }

    public void StreamDroppedForSlowReading() => _streamsDropped.Add(1);

    private sealed class Closing(Action close) : IDisposable
    {
        private int _closed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0)
            {
                close();
            }
        }
    }
}
