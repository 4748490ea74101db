using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Remandzana.Tests.Support;
using Remandzana.Web.Health;
using Remandzana.Web.Hosting;

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
            // Long enough to be asked while it runs and to send through /send; short, since it runs its full time.
            ["Remandzana:WarmUp:Seconds"] = "4",
            ["Remandzana:WarmUp:Pairs"] = "2",
            ["Remandzana:Metrics:RecomputeSeconds"] = "0",
        });

        using var http = app.NewClient();
        using (var warming = await http.GetAsync("/healthz"))
        {
            // The warm-up runs for its four seconds (it never settles sooner than ten); this asks at once.
            Assert.That(app.Services.GetRequiredService<Readiness>().IsWarm, Is.False, "still warming up when asked");
            Assert.That(warming.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.ServiceUnavailable));
            Assert.That(await warming.Content.ReadAsStringAsync(), Is.EqualTo("Unhealthy"));
        }

        await app.Services.GetRequiredService<Readiness>().Warm.WaitAsync(TimeSpan.FromSeconds(90));

        Assert.That(await http.GetStringAsync("/healthz"), Is.EqualTo("Healthy"));
        Assert.That(app.Logs.Errors, Is.Empty, "warming up is not an error");
        var warmed = app.Logs.Entries.Single(entry => entry.Category == typeof(WarmUp).FullName);
        Assert.That(warmed.Level, Is.EqualTo(LogLevel.Information), warmed.Message);
        Assert.That(Convert.ToInt32(warmed.Properties["Messages"], System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(0), warmed.Message);
        var home = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await http.GetStringAsync("/"));
        Assert.That(home.QuerySelector("footer .messages-today")?.TextContent, Is.EqualTo("0 messages today"), "the warm-up's own messages are not counted");
        await app.WaitUntilEveryoneHasLeft();
        Assert.That(
            app.Logs.Entries.Where(entry => entry.Category == RequestLogging.Category && entry.Message.Contains("/two", StringComparison.Ordinal)).Select(entry => entry.Message),
            Is.Empty,
            "the warm-up's own chat pages are logged at Debug");
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
