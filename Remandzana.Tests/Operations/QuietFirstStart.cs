using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Runtime;
using Remandzana.Tests.Support;
using Remandzana.Web.Cluster;
using Remandzana.Web.Grains;
using Remandzana.Web.Security;
using Remandzana.Web.Sessions;

namespace Remandzana.Tests.Operations;

/// <summary>A first start at the default settings, as `dotnet run` does it from a fresh clone: nothing in its log a newcomer cannot act on.</summary>
[Category("Web")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class QuietFirstStart
{
    [Test]
    public async Task AFirstStartWarmsUpAndStopsWithoutAWarningAndMakesTheKeyFolderOwnerOnly()
    {
        // The real process and its real NLog rules (appsettings.json), warm-up included: what an operator reads.
        await using var app = await AppProcess.Start(new Dictionary<string, string> { ["Remandzana__WarmUp__Seconds"] = "30" });
        var keys = Path.Combine(app.Folder, "keys");
        using var http = app.NewClient();
        await WaitUntilHealthy(http);
        using (var about = await http.GetAsync("/about"))
        {
            Assert.That(about.IsSuccessStatusCode, Is.True);
        }

        await app.Terminate();
        using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await app.WaitForExit(exit.Token);

        var output = app.Output;
        var log = string.Join("\n", output);
        Assert.Multiple(() =>
        {
            Assert.That(output.Where(line => line.Contains(" WARN ", StringComparison.Ordinal) || line.Contains(" ERROR ", StringComparison.Ordinal) || line.Contains(" FATAL ", StringComparison.Ordinal)), Is.Empty, log);
            Assert.That(output, Has.One.Contains("Remandzana.Web.Security.KeyRingAtRest Data Protection keys in ").And.Contains("made owner-only (0700): in clear"), "what protects the keys, said once");
            Assert.That(output, Has.One.Contains("Warmed up in"), log);
            Assert.That(output, Has.None.Contains("/two"), "the warm-up's own chats are logged at Debug");
            Assert.That(output, Has.None.Contains(" Polly "), "nor is each grain placement at Information");
            Assert.That(output, Has.Some.Contains("/about started"), "a visitor's request is");
            Assert.That(File.GetUnixFileMode(keys), Is.EqualTo(KeyRingFolder.OwnerOnly));
        });
    }

    [Test]
    public async Task OrleansWatchdogMeasuresFromTheSilosStartNotFromTheMachinesBoot()
    {
        await using var app = new RemandzanaApp();
        var clock = app.Services.GetRequiredKeyedService<TimeProvider>(TimeProviderNames.Membership);
        var fake = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));
        var counted = new WatchdogClock(fake);
        var stamped = counted.GetTimestamp();
        fake.Advance(TimeSpan.FromSeconds(3));

        Assert.Multiple(() =>
        {
            Assert.That(clock, Is.InstanceOf<WatchdogClock>(), "the membership clock, which the watchdog uses, is ours");
            Assert.That(clock.GetElapsedTime(0), Is.LessThan(TimeSpan.FromMinutes(5)), "a never-stamped timestamp (zero) reads as the time since the silo started, not the machine's uptime");
            Assert.That(counted.GetElapsedTime(0), Is.EqualTo(TimeSpan.FromSeconds(3)));
            Assert.That(counted.GetElapsedTime(stamped), Is.EqualTo(TimeSpan.FromSeconds(3)), "real stamps measure as before");
            Assert.That(counted.GetUtcNow(), Is.EqualTo(fake.GetUtcNow()));
        });
    }

    // The warm-up has no event the process can be asked for; /healthz is what a load balancer polls too.
    private static Task WaitUntilHealthy(HttpClient http) =>
        Eventually.That(
            async () =>
            {
                using var health = await http.GetAsync("/healthz");
                return health.IsSuccessStatusCode;
            },
            "the app to answer /healthz with success after its warm-up",
            within: TimeSpan.FromSeconds(90));

}
