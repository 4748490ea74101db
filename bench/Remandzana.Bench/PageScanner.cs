using System.Net;
using System.Text;

namespace Remandzana.Bench;

/// <summary>
/// A cheap incremental scan of a chat page's bytes: the preamble (with the send form's token in
/// the iframe's srcdoc), then each <c>div.line</c> and heartbeat as they arrive. Not a full HTML
/// parser: it relies on the markup the server writes for a line, which is enough to time relay.
/// </summary>
public sealed class PageScanner
{
    private static readonly byte[] LogStart = "<div class=\"log\" role=\"log\" aria-live=\"polite\" aria-labelledby=\"log-title\">"u8.ToArray();
    private static readonly byte[] LineStart = "<div class=\"line "u8.ToArray();
    private static readonly byte[] LineEnd = "</div>"u8.ToArray();
    private static readonly byte[] HeartbeatStart = "<i class=\"hb"u8.ToArray();
    private static readonly byte[] HeartbeatEnd = "</i>"u8.ToArray();
    private static readonly byte[] TextStart = "<bdi class=\"text\">"u8.ToArray();
    private static readonly byte[] TextEnd = "</bdi>"u8.ToArray();

    private byte[] _buffer = new byte[4096];
    private int _start;
    private int _end;

    public bool PreambleSeen { get; private set; }

    public string? Token { get; private set; }

    public int Heartbeats { get; private set; }

    /// <summary>The server wrote its closing heartbeat: the conversation is over.</summary>
    public bool EndSeen { get; private set; }

    /// <summary>Where the next read should land; grows or compacts the buffer as needed.</summary>
    public Memory<byte> FreeSpace()
    {
        if (_buffer.Length - _end < 1024)
        {
            var used = _end - _start;
            if (used > _buffer.Length / 2)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            Buffer.BlockCopy(_buffer, _start, _buffer, 0, used);
            _start = 0;
            _end = used;
        }

        return _buffer.AsMemory(_end);
    }

    /// <summary>Takes <paramref name="count"/> bytes just read into <see cref="FreeSpace"/> and reports each complete line.</summary>
    public void Advance(int count, long at, Action<SeenLine>? onLine)
    {
        _end += count;
        if (!PreambleSeen && !ScanPreamble())
        {
            return;
        }

        while (_start < _end)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            var line = pending.IndexOf(LineStart);
            var heartbeat = pending.IndexOf(HeartbeatStart);
            if (line < 0 && heartbeat < 0)
            {
                // Keep a tail that may be the start of a marker cut by the read.
                _start = Math.Max(_start, _end - LineStart.Length);
                return;
            }

            if (heartbeat >= 0 && (line < 0 || heartbeat < line))
            {
                var close = pending[heartbeat..].IndexOf(HeartbeatEnd);
                if (close < 0)
                {
                    _start += heartbeat;
                    return;
                }

                if (pending[(heartbeat + HeartbeatStart.Length)..].StartsWith(" ended"u8))
                {
                    EndSeen = true;
                }
                else
                {
                    Heartbeats++;
                }

                _start += heartbeat + close + HeartbeatEnd.Length;
                continue;
            }

            var end = pending[line..].IndexOf(LineEnd);
            if (end < 0)
            {
                _start += line;
                return;
            }

            var div = pending.Slice(line, end + LineEnd.Length);
            onLine?.Invoke(Read(div, at));
            _start += line + end + LineEnd.Length;
        }
    }

    private static SeenLine Read(ReadOnlySpan<byte> div, long at)
    {
        var classes = div[LineStart.Length..];
        classes = classes[..classes.IndexOf((byte)'"')];
        string? text = null;
        var textAt = div.IndexOf(TextStart);
        if (textAt >= 0)
        {
            var rest = div[(textAt + TextStart.Length)..];
            var raw = Encoding.UTF8.GetString(rest[..rest.IndexOf(TextEnd)]);
            text = raw.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(raw) : raw;
        }

        return new SeenLine(Encoding.ASCII.GetString(classes), text, at);
    }

    private bool ScanPreamble()
    {
        var pending = _buffer.AsSpan(_start, _end - _start);
        var log = pending.IndexOf(LogStart);
        if (log < 0)
        {
            return false;
        }

        var preamble = Encoding.UTF8.GetString(pending[..log]);
        var srcdoc = preamble.IndexOf("srcdoc=\"", StringComparison.Ordinal);
        if (srcdoc >= 0)
        {
            srcdoc += "srcdoc=\"".Length;
            var form = WebUtility.HtmlDecode(preamble[srcdoc..preamble.IndexOf('"', srcdoc)]);
            Token = FormToken(form);
        }

        PreambleSeen = true;
        _start += log + LogStart.Length;
        return true;
    }

    /// <summary>The token in a send form document (the iframe's srcdoc, or the answer to a post).</summary>
    public static string? FormToken(string form)
    {
        const string marker = "name=\"token\" value=\"";
        var at = form.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        at += marker.Length;
        return WebUtility.HtmlDecode(form[at..form.IndexOf('"', at)]);
    }
}
