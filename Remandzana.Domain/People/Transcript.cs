using Remandzana.Domain.Lines;

namespace Remandzana.Domain.People;

/// <summary>
/// The last lines one person was shown, oldest first, at most <see cref="Capacity"/>: what goes
/// into a report. Kept where their stream is served, in memory only; it grows with the
/// conversation (most are short), then keeps the latest. Safe to use from any thread.
/// </summary>
public sealed class Transcript
{
    public const int DefaultCapacity = 50;

    private readonly object _gate = new();
    private (Line Line, DateTimeOffset At)[] _ring;
    private int _next;
    private int _count;

    public Transcript(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _ring = new (Line, DateTimeOffset)[Math.Min(capacity, 8)];
    }

    public int Capacity { get; }

    public void Add(Line line, DateTimeOffset at)
    {
        lock (_gate)
        {
            if (_count == _ring.Length && _ring.Length < Capacity)
            {
                // Still in order (nothing overwritten yet): grow, up to the capacity.
                Array.Resize(ref _ring, Math.Min(_ring.Length * 2, Capacity));
                _next = _count;
            }

            _ring[_next] = (line, at);
            _next = (_next + 1) % _ring.Length;
            _count = Math.Min(_count + 1, _ring.Length);
        }
    }

    /// <summary>The lines kept, oldest first.</summary>
    public IReadOnlyList<(Line Line, DateTimeOffset At)> Lines()
    {
        lock (_gate)
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
