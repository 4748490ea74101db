using System.Net;
using System.Net.Sockets;

namespace Remandzana.Bench;

/// <summary>The HTTP client every tab shares: one connection per open page, no cookies, no redirects, no draining on close.</summary>
public static class Browsers
{
    // IP_BIND_ADDRESS_NO_PORT (Linux): bind picks the address only, connect picks the port for the
    // whole 4-tuple, so one source address still reaches each destination from every ephemeral port.
    private const int BindAddressNoPort = 24;

    /// <param name="source">
    /// The loopback address this client's connections come from (null: the system's choice, 127.0.0.1).
    /// One source address reaches one destination from the ephemeral ports only (about 28,000 here,
    /// net.ipv4.ip_local_port_range), so more streams than that to one proxy need several.
    /// </param>
    public static HttpClient Client(Uri baseAddress, IPAddress? source = null) =>
        new(new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            MaxResponseDrainSize = 0,
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(30),
            AutomaticDecompression = DecompressionMethods.None,
            ConnectCallback = source is null ? null : (context, cancellation) => ConnectFrom(source, context.DnsEndPoint, cancellation),
        })
        {
            BaseAddress = baseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
            DefaultRequestVersion = HttpVersion.Version11,
        };

    private static async ValueTask<Stream> ConnectFrom(IPAddress source, DnsEndPoint destination, CancellationToken cancellation)
    {
        var socket = new Socket(source.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (OperatingSystem.IsLinux() && source.AddressFamily == AddressFamily.InterNetwork)
            {
                socket.SetRawSocketOption((int)SocketOptionLevel.IP, BindAddressNoPort, BitConverter.GetBytes(1));
            }

            socket.Bind(new IPEndPoint(source, 0));
            await socket.ConnectAsync(destination, cancellation);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
