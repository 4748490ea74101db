using Remandzana.Tests.Support;
using Remandzana.Web.Security;

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

    private static async Task WaitUntilHealthy(HttpClient http)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            using (var health = await http.GetAsync("/healthz", deadline.Token))
            {
                if (health.IsSuccessStatusCode)
                {
                    return;
                }
            }

            // The warm-up has no event the process can be asked for; /healthz is what a load balancer polls too.
            await Task.Delay(200, deadline.Token);
        }
    }
}
