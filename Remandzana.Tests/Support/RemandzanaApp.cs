using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Remandzana.Tests.Support;

/// <summary>The real app on a real loopback Kestrel port, with its own key ring and feedback folder.</summary>
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
            builder.ConfigureServices(collection =>
            {
                if (clock is not null)
                {
                    collection.RemoveAll<TimeProvider>();
                    collection.AddSingleton<TimeProvider>(clock);
                }

                services?.Invoke(collection);
            });
        });
        _factory.UseKestrel();
        _factory.StartServer();
        BaseAddress = _factory.CreateClient().BaseAddress!;
    }

    public Uri BaseAddress { get; }

    public string Folder { get; }

    public FakeTimeProvider? Clock { get; }

    public IServiceProvider Services => _factory.Services;

    /// <summary>A client whose disposal closes its socket at once, so the server notices the browser leaving.</summary>
    public HttpClient NewClient() => new(new SocketsHttpHandler { MaxResponseDrainSize = 0, AllowAutoRedirect = false })
    {
        BaseAddress = BaseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public async Task<ChatClient> OpenChat(string path)
    {
        var client = new ChatClient(NewClient());
        await client.Open(path);
        return client;
    }

    private sealed class Factory(Action<IWebHostBuilder> configure) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) => configure(builder);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
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
