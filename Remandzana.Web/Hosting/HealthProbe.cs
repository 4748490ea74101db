namespace Remandzana.Web.Hosting;

/// <summary>
/// `dotnet Remandzana.Web.dll --healthcheck`: asks the running instance's /healthz and exits 0
/// when it answers 200. The runtime image has no curl; this is what the Dockerfile's HEALTHCHECK runs.
/// The address comes from the same settings the app listens on (ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS, --urls).
/// </summary>
public static class HealthProbe
{
    public const string Argument = "--healthcheck";

    public static bool IsRequested(string[] args) => args.Contains(Argument);

    public static async Task<int> RunAsync(string[] args)
    {
        var url = new Uri(new Uri(LocalAddress(args)), HealthServices.Path);
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            using var response = await http.GetAsync(url);
            Console.WriteLine($"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Console.WriteLine($"{url}: {e.Message}");
            return 1;
        }
    }

    /// <summary>The first address the app listens on, with a wildcard host replaced by loopback.</summary>
    public static string LocalAddress(string[] args)
    {
        var settings = new ConfigurationBuilder()
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddCommandLine(args.Where(arg => arg != Argument).ToArray())
            .Build();
        var first = settings["urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()
            ?? $"http://127.0.0.1:{settings["http_ports"]?.Split([';', ','])[0] ?? "5000"}";
        var builder = new UriBuilder(first.Replace("://+", "://wildcard", StringComparison.Ordinal).Replace("://*", "://wildcard", StringComparison.Ordinal));
        if (builder.Host is "wildcard" or "0.0.0.0" or "[::]" or "::" or "localhost")
        {
            builder.Host = "127.0.0.1";
        }

        return builder.Uri.GetLeftPart(UriPartial.Authority);
    }
}
