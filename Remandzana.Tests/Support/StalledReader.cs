using System.Net.Sockets;
using System.Text;

namespace Remandzana.Tests.Support;

/// <summary>A browser that requests a chat page and then never reads another byte.</summary>
public sealed class StalledReader : IDisposable
{
    private readonly Socket _socket;

    private StalledReader(Socket socket) => _socket = socket;

    /// <summary>
    /// Settings for messages long enough that the socket buffers between the server and a stalled
    /// reader fill after a few hundred sends of <see cref="Padding"/>, not thousands.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> LongMessages { get; } = new Dictionary<string, string?>
    {
        ["Remandzana:Chat:MaxMessageLength"] = "10000",
        ["Remandzana:Limits:MaxFormBytes"] = "16384",
    };

    public static string Padding { get; } = new('x', 9_000);

    public static async Task<StalledReader> Open(Uri baseAddress, string path)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
        await socket.ConnectAsync(baseAddress.Host, baseAddress.Port);
        var request = $"GET {path} HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nAccept-Encoding: identity\r\n\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(request));
        return new StalledReader(socket);
    }

    public void Dispose() => _socket.Dispose();
}
