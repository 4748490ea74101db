using Remandzana.Domain.Lines;
using Remandzana.Domain.People;

namespace Remandzana.Domain.Transcripts;

/// <summary>
/// What one person was shown, as they saw it (names resolved for them), so that they can save it:
/// the last <see cref="Capacity"/> lines with the time each arrived. Kept while the conversation
/// runs and for a while after it ended; never written anywhere. Its ring is allocated by the first
/// line and grows with the conversation, so an idle page keeps next to nothing.
/// </summary>
public sealed class Transcript(ChatEntry entry, DateTimeOffset startedAt, int capacity = Transcript.MaxLines)
{
    /// <summary>The most lines a transcript keeps; older lines are dropped beyond its capacity.</summary>
    public const int MaxLines = 500;

    /// <summary>The most lines a report takes from the end of the reporter's transcript.</summary>
    public const int ReportLines = 50;

    private readonly Lock _gate = new();
    private Ring<(DateTimeOffset At, Line Line)> _lines = new(capacity is >= 1 and <= MaxLines ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity)));

    public int Capacity { get; } = capacity;

    public ChatEntry Entry { get; } = entry;

    public DateTimeOffset StartedAt { get; } = startedAt;

    /// <summary>When the person's page stopped streaming; null while it runs.</summary>
    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>Lines the cap dropped, oldest first.</summary>
    public int Dropped { get; private set; }

    public void Add(Line line, DateTimeOffset at)
    {
        lock (_gate)
        {
            if (_lines.AddDroppingOldest((at, line)))
            {
                Dropped++;
            }
        }
    }

    /// <summary>The lines kept, oldest first.</summary>
    public IReadOnlyList<TranscriptLine> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines.ToArray().Select(kept => new TranscriptLine(kept.At, kept.Line))];
            }
        }
    }

    /// <summary>The page stopped streaming; only the first call counts.</summary>
    public void End(DateTimeOffset at)
    {
        lock (_gate)
        {
            EndedAt ??= at;
        }
    }

    /// <summary>Whether it is still kept at <paramref name="now"/>: while it runs, and for <paramref name="keep"/> after it ended.</summary>
    public bool IsKept(DateTimeOffset now, TimeSpan keep)
    {
        lock (_gate)
        {
            return EndedAt is not { } ended || now < ended + keep;
        }
    }

    /// <summary>A line as the person read it, in the site's own language: "Stranger: hello", or a notice's text.</summary>
    public static string TextOf(Line line) => line switch
    {
        ChatLine chat => $"{chat.From.Name}: {chat.Text}",
        SystemLine notice => notice.Text,
        _ => line.ToString() ?? "",
    };
}
