using System.Net;
using System.Net.Sockets;

namespace Remandzana.Tests.Support;

/// <summary>
/// HTTP clients whose connections leave from a chosen loopback address (127.0.0.2, 127.0.0.3, …),
/// so a test can tell a client's own address from a proxy's (127.0.0.1).
/// </summary>
public static class FromAddress
{
    public static HttpClient Client(IPAddress source, Uri baseAddress) => new(Handler(source))
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public static SocketsHttpHandler Handler(IPAddress source) => new()
    {
        MaxResponseDrainSize = 0,
        AllowAutoRedirect = false,
        ConnectCallback = async (context, cancellation) =>
        {
            var socket = new Socket(source.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(source, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellation);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
