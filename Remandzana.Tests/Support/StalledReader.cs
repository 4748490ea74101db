using System.Net.Sockets;
using System.Text;

namespace Remandzana.Tests.Support;

/// <summary>A browser that requests a chat page and then never reads another byte.</summary>
public sealed class StalledReader : IDisposable
{
    private readonly Socket _socket;

    private StalledReader(Socket socket) => _socket = socket;

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
