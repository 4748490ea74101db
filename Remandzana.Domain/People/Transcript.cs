using Remandzana.Domain.Lines;

namespace Remandzana.Domain.People;

/// <summary>
/// The last lines one person was shown, oldest first, at most <see cref="Capacity"/>: what goes
/// into a report. Kept where their stream is served, in memory only; safe to use from any thread.
/// </summary>
public sealed class Transcript(int capacity = Transcript.DefaultCapacity)
{
    public const int DefaultCapacity = 50;

    private readonly (Line Line, DateTimeOffset At)[] _ring = new (Line, DateTimeOffset)[capacity];
    private int _next;
    private int _count;

    public int Capacity => capacity;

    public void Add(Line line, DateTimeOffset at)
    {
        lock (_ring)
        {
            _ring[_next] = (line, at);
            _next = (_next + 1) % _ring.Length;
            _count = Math.Min(_count + 1, _ring.Length);
        }
    }

    /// <summary>The lines kept, oldest first.</summary>
    public IReadOnlyList<(Line Line, DateTimeOffset At)> Lines()
    {
        lock (_ring)
        {
            var lines = new List<(Line, DateTimeOffset)>(_count);
            for (var i = 0; i < _count; i++)
            {
                lines.Add(_ring[(_next - _count + i + _ring.Length) % _ring.Length]);
            }

            return lines;
        }
    }

    /// <summary>A line as the person read it: "Stranger: hello", or a notice's text.</summary>
    public static string TextOf(Line line) => line switch
    {
        ChatLine chat => $"{chat.From.Name}: {chat.Text}",
        SystemLine notice => notice.Text,
        _ => line.ToString() ?? "",
    };
}
