using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Remandzana.Tests.Support;

/// <summary>The real app on a real loopback Kestrel port, with its own key ring and feedback folder, and its log captured.</summary>
public sealed class RemandzanaApp : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    public RemandzanaApp(IDictionary<string, string?>? settings = null, FakeTimeProvider? clock = null, Action<IServiceCollection>? services = null)
    {
        Folder = Directory.CreateTempSubdirectory("remandzana-test-").FullName;
        Clock = clock;
        var all = new Dictionary<string, string?>
        {
            ["Remandzana:KeyRing:Directory"] = Path.Combine(Folder, "keys"),
            ["Remandzana:Feedback:Directory"] = Path.Combine(Folder, "feedback"),
            ["Remandzana:Reports:Directory"] = Path.Combine(Folder, "reports"),
            ["Remandzana:Console:AuditFile"] = Path.Combine(Folder, "audit", "operator-audit.jsonl"),
            ["Remandzana:Console:StateDirectory"] = Path.Combine(Folder, "state"),

            // Every test client comes from 127.0.0.1 and types fast; the abuse tests set real limits.
            ["Remandzana:Limits:PerAddressLimitsEnabled"] = "false",
            ["Remandzana:Backplane:SiloPort"] = $"{FreePort.Next()}",
            ["Remandzana:Limits:SendBurst"] = "100000",

            // Ready at once: a warm-up conversation would show in the counts the tests read (WarmUpBeforeReady tests it).
            ["Remandzana:WarmUp:Seconds"] = "0",

            // A closed page leaves at once, as most tests expect; the resume tests hold dropped people (issue 25).
            ["Remandzana:Chat:ResumeSeconds"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        _factory = new Factory(builder =>
        {
            // Port 0 through the app's own settings, not UseKestrel(0): that one rewrites the server's
            // addresses after the app started Kestrel on its own thread, and throws when Kestrel wins
            // the race ("Addresses cannot be modified after the server has started"; dotnet/aspnetcore#67714).
            builder.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
            builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(all));
            // Program.cs reads the cluster's settings (silo ports, Redis) before the configuration
            // above is applied; host settings are seen from the start.
            foreach (var (key, value) in all)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureServices(collection =>
            {
                if (clock is not null)
                {
                    collection.RemoveAll<TimeProvider>();
                    collection.AddSingleton<TimeProvider>(clock);
                }

                collection.AddSingleton<ILoggerProvider>(Logs);
                services?.Invoke(collection);
            });
        });
        _factory.UseKestrel();
        _factory.StartServer();
        // Read the bound port from the server itself: CreateClient() would try to reconfigure the
        // addresses of a started server, which now and then throws.
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseAddress = new Uri(addresses.First());
    }

    public Uri BaseAddress { get; }

    public string Folder { get; }

    public FakeTimeProvider? Clock { get; }

    /// <summary>What the app logged (Information and above) besides writing it to NLog.</summary>
    public CapturedLogs Logs { get; } = new();

    public IServiceProvider Services => _factory.Services;

    /// <summary>A client whose disposal closes its socket at once, so the server notices the browser leaving.</summary>
    /// <param name="from">The loopback address to connect from (127.0.0.1 unless another client address is wanted).</param>
    public HttpClient NewClient(IPAddress? from = null) => from is null
        ? new HttpClient(new SocketsHttpHandler { MaxResponseDrainSize = 0, AllowAutoRedirect = false }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) }
        : FromAddress.Client(from, BaseAddress);

    public async Task<ChatClient> OpenChat(string path, IPAddress? from = null)
    {
        var client = new ChatClient(NewClient(from));
        await client.Open(path);
        return client;
    }

    /// <summary>
    /// Waits until every person of earlier tests has left the switchboard (the server notices a
    /// closed tab a few milliseconds after the socket closes), so tests sharing an app never meet
    /// each other's leftovers.
    /// </summary>
    public Task WaitUntilEveryoneHasLeft()
    {
        var listeners = Services.GetRequiredService<Remandzana.Web.Sessions.LocalSessions>();
        return Eventually.That(() => listeners.Count == 0, "everyone to leave the switchboard");
    }

    private sealed class Factory(Action<IWebHostBuilder> configure) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) => configure(builder);
    }

    public async ValueTask DisposeAsync()
    {
        // Stopped as a signal stops the process, and only then disposed. Disposing at once stops the
        // host twice concurrently (the factory, and Program's own Run returning), so the silo gets a
        // second stop call, which Orleans answers by polling for the first, once a second.
        var lifetime = Services.GetRequiredService<IHostApplicationLifetime>();
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            using var _ = lifetime.ApplicationStopped.Register(() => stopped.TrySetResult());
            lifetime.StopApplication();
            await stopped.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            await _factory.DisposeAsync();
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by the stopping host; the OS temp folder will clean it.
        }
    }
}
