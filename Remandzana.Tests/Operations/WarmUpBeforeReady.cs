using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Remandzana.Tests.Support;
using Remandzana.Web.Health;

namespace Remandzana.Tests.Operations;

/// <summary>A fresh instance chats with itself through the real pages before /healthz says it is ready, and leaves nobody behind.</summary>
[Category("Web")]
public sealed class WarmUpBeforeReady
{
    [Test]
    public async Task TheInstanceIsReadyAfterAWarmUpConversationThatLeavesNobodyBehind()
    {
        await using var app = new RemandzanaApp(new Dictionary<string, string?>
        {
            ["Remandzana:WarmUp:Seconds"] = "60",
            ["Remandzana:WarmUp:Pairs"] = "2",
            ["Remandzana:Metrics:RecomputeSeconds"] = "0",
        });

        await app.Services.GetRequiredService<Readiness>().Warm.WaitAsync(TimeSpan.FromSeconds(90));
        using var http = app.NewClient();

        Assert.That(await http.GetStringAsync("/healthz"), Is.EqualTo("Healthy"));
        var warmed = app.Logs.Entries.Single(entry => entry.Category == typeof(WarmUp).FullName);
        Assert.That(warmed.Level, Is.EqualTo(LogLevel.Information), warmed.Message);
        Assert.That(Convert.ToInt32(warmed.Properties["Messages"], System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(0), warmed.Message);
        var home = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await http.GetStringAsync("/"));
        Assert.That(home.QuerySelector("footer .messages-today")?.TextContent, Is.EqualTo("0 messages today"), "the warm-up's own messages are not counted");
        await app.WaitUntilEveryoneHasLeft();
    }

    [Test]
    public async Task UntilWarmTheHealthCheckSaysNotReady()
    {
        var readiness = new Readiness();
        var check = new WarmUpHealthCheck(readiness);

        Assert.That((await check.CheckHealthAsync(new HealthCheckContext())).Status, Is.EqualTo(HealthStatus.Unhealthy));
        readiness.MarkWarm();
        Assert.That((await check.CheckHealthAsync(new HealthCheckContext())).Status, Is.EqualTo(HealthStatus.Healthy));
    }

    [Test]
    public async Task WithNoWarmUpTheInstanceIsReadyAtOnce()
    {
        await using var app = new RemandzanaApp();

        await app.Services.GetRequiredService<Readiness>().Warm.WaitAsync(TimeSpan.FromSeconds(30));
        using var http = app.NewClient();

        Assert.That(await http.GetStringAsync("/healthz"), Is.EqualTo("Healthy"));
        Assert.That(app.Logs.Entries.Where(entry => entry.Category == typeof(WarmUp).FullName), Is.Empty);
    }
}
