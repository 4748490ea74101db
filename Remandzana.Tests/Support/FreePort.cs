using System.Net;
using System.Net.Sockets;

namespace Remandzana.Tests.Support;

public static class FreePort
{
    /// <summary>A loopback TCP port that was free a moment ago (for programs that need a port number up front).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
