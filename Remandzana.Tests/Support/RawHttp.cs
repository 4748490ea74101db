using System.Net.Sockets;
using System.Text;

namespace Remandzana.Tests.Support;

/// <summary>
/// One HTTP/1.1 request written by hand on a raw socket, exactly as given (no client library
/// normalises its path), and the whole answer read until the server closes the connection.
/// </summary>
public static class RawHttp
{
    /// <param name="target">The request target as sent, e.g. <c>//metrics</c> or <c>/status/-1</c>.</param>
    /// <param name="headers">Extra header lines, e.g. <c>X-Forwarded-For: 203.0.113.9</c>.</param>
    public static async Task<RawAnswer> Send(Uri server, string method, string target, IEnumerable<string>? headers = null, string? form = null)
    {
        using var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(server.Host, server.Port);
        var request = new StringBuilder($"{method} {target} HTTP/1.1\r\nHost: {server.Authority}\r\nConnection: close\r\n");
        foreach (var header in headers ?? [])
        {
            request.Append(header).Append("\r\n");
        }

        if (form is not null)
        {
            request.Append(System.Globalization.CultureInfo.InvariantCulture, $"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {Encoding.ASCII.GetByteCount(form)}\r\n\r\n{form}");
        }
        else
        {
            request.Append("\r\n");
        }

        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request.ToString()));
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var received = new MemoryStream();
        await stream.CopyToAsync(received, bound.Token);
        return new RawAnswer(received.ToArray());
    }

    /// <summary>An answer as it came off the wire: its status line, its headers and its body (chunked framing removed).</summary>
    public sealed class RawAnswer(byte[] received)
    {
        private readonly int _headEnd = received.AsSpan().IndexOf("\r\n\r\n"u8);

        public string Text => Encoding.UTF8.GetString(received);

        public string Head => _headEnd < 0 ? Text : Encoding.ASCII.GetString(received, 0, _headEnd);

        public string StatusLine => Head.Split("\r\n")[0];

        public int Status => int.Parse(StatusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);

        public string Body
        {
            get
            {
                if (_headEnd < 0)
                {
                    return "";
                }

                var body = received.AsSpan(_headEnd + 4);
                if (!Head.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
                {
                    return Encoding.UTF8.GetString(body);
                }

                var whole = new List<byte>();
                while (body.IndexOf("\r\n"u8) is var end and > 0)
                {
                    var size = Convert.ToInt32(Encoding.ASCII.GetString(body[..end]).Split(';')[0], 16);
                    if (size == 0 || body.Length < end + 2 + size)
                    {
                        break;
                    }

                    whole.AddRange(body.Slice(end + 2, size));
                    body = body[(end + 2 + size + 2)..];
                }

                return Encoding.UTF8.GetString(whole.ToArray());
            }
        }

        public override string ToString() => Text;
    }
}
