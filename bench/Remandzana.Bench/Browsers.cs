using System.Net;

namespace Remandzana.Bench;

/// <summary>The HTTP client every tab shares: one connection per open page, no cookies, no redirects, no draining on close.</summary>
public static class Browsers
{
    public static HttpClient Client(Uri baseAddress) =>
        new(new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            MaxResponseDrainSize = 0,
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(30),
            AutomaticDecompression = DecompressionMethods.None,
        })
        {
            BaseAddress = baseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
            DefaultRequestVersion = HttpVersion.Version11,
        };
}
