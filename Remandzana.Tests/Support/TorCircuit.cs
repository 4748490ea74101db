using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Remandzana.Tests.Support;

/// <summary>
/// One visitor's Tor circuit as an onion service's nginx sees it: every connection starts with
/// the PROXY protocol v1 line Tor sends with <c>HiddenServiceExportCircuitID haproxy</c>, whose
/// source address carries the circuit id in its last 32 bits. Requests are written by hand on a
/// raw socket, so the test sends exactly what Tor would.
/// </summary>
public sealed class TorCircuit(Uri nginx, uint id)
{
    /// <summary>The source address Tor puts in the PROXY line for this circuit.</summary>
    public string Address => $"fc00:dead:beef:4dad::{id >> 16:x}:{id & 0xffff:x}";

    /// <summary>Tor's line, e.g. <c>PROXY TCP6 fc00:dead:beef:4dad::0:2a ::1 65535 42</c> for circuit 42.</summary>
    public string ProxyLine => string.Create(CultureInfo.InvariantCulture, $"PROXY TCP6 {Address} ::1 65535 {id}\r\n");

    /// <summary>Opens a connection, sends Tor's line and a GET for <paramref name="path"/>, and reads until the status line and headers arrived.</summary>
    public async Task<RawResponse> Get(string path)
    {
        var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(nginx.Host, nginx.Port);
        var request = $"{ProxyLine}GET {path} HTTP/1.1\r\nHost: remandzana.onion\r\nConnection: close\r\n\r\n";
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var response = new RawResponse(client);
        await response.ReadUntil("\r\n\r\n");
        return response;
    }

    /// <summary>A response read off the socket as it arrives; disposing it closes the connection (the visitor leaves).</summary>
    public sealed class RawResponse(TcpClient client) : IDisposable
    {
        private readonly StringBuilder _received = new();
        private readonly byte[] _buffer = new byte[8192];

        public string Text => _received.ToString();

        public int Status => int.Parse(Text.AsSpan(9, 3), CultureInfo.InvariantCulture);

        /// <summary>Reads until <paramref name="marker"/> has arrived (or fails after 30 s, or when the connection ends first).</summary>
        public async Task ReadUntil(string marker)
        {
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (!Text.Contains(marker, StringComparison.Ordinal))
            {
                var read = await client.GetStream().ReadAsync(_buffer, bound.Token);
                if (read == 0)
                {
                    Assert.Fail($"The connection ended before \"{marker}\" arrived. Received:\n{Text}");
                }

                _received.Append(Encoding.UTF8.GetString(_buffer, 0, read));
            }
        }

        public void Dispose() => client.Dispose();
    }
}
