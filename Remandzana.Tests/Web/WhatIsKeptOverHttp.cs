using AngleSharp.Html.Parser;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Web;

/// <summary>The home page says what the site keeps and for how long; the about page lists it with this instance's settings, in the visitor's language.</summary>
[Category("Web")]
public sealed class WhatIsKeptOverHttp
{
    private static readonly HtmlParser Parser = new();

    [Test]
    public async Task TheHomeAndAboutPagesSayWhatIsKeptAndForHowLongPerSetting()
    {
        await using var app = new RemandzanaApp(new Dictionary<string, string?>
        {
            ["Remandzana:Reports:KeepDays"] = "7",
            ["Remandzana:Reports:Lines"] = "20",
            ["Remandzana:Feedback:KeepDays"] = "45",
            ["Remandzana:Transcripts:KeepMinutes"] = "3",
            ["Remandzana:Moderation:ExileDays"] = "100",
            ["Remandzana:Logging:ClientAddresses"] = "Hashed",
        });
        using var http = app.NewClient();

        var home = Parser.ParseDocument(await http.GetStringAsync("/"));
        var about = Parser.ParseDocument(await http.GetStringAsync("/about"));
        var kept = about.QuerySelectorAll("#kept + ul.kept-list li").Select(item => item.TextContent).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(home.Body!.TextContent, Does.Not.Contain("nothing is kept"));
            Assert.That(home.QuerySelector("p.kept")?.TextContent, Does.Contain("at least 7 days").And.Contain("deleted after 45 days"));
            Assert.That(home.QuerySelector("p.kept a")?.GetAttribute("href"), Is.EqualTo("/about#kept"));
            Assert.That(kept, Has.Count.EqualTo(5));
            Assert.That(kept[0], Does.Contain("for 3 minutes after they end"));
            Assert.That(kept[1], Does.Contain("the last 20 lines").And.Contain("keyed hash").And.Contain("7 days old").And.Contain("only those who spoke"));
            Assert.That(kept[2], Does.Contain("deleted after 45 days"));
            Assert.That(kept[3], Does.Contain("keyed hash of the visitor's address that changes every day"));
            Assert.That(kept[4], Does.Contain("100 days"));
        });
    }

    [Test]
    public async Task ByDefaultLogsKeepNoAddressAndThePagesSpeakTheVisitorsLanguage()
    {
        await using var app = new RemandzanaApp();
        using var http = app.NewClient();

        var about = Parser.ParseDocument(await http.GetStringAsync("/about"));
        var inFrench = Parser.ParseDocument(await http.GetStringAsync("/about?lang=fr"));
        var homeInChinese = Parser.ParseDocument(await http.GetStringAsync("/?lang=zh"));

        Assert.Multiple(() =>
        {
            Assert.That(about.QuerySelectorAll("ul.kept-list li")[3].TextContent, Is.EqualTo("Server logs: requests are logged without the visitor's address."));
            Assert.That(about.QuerySelectorAll("ul.kept-list li")[1].TextContent, Does.Contain("30 days old"));
            Assert.That(about.QuerySelectorAll("ul.kept-list li")[2].TextContent, Does.Contain("90 days"));
            Assert.That(inFrench.QuerySelector("#kept")?.TextContent, Is.EqualTo("Ce que ce site conserve"));
            Assert.That(homeInChinese.QuerySelector("p.kept")?.TextContent, Does.Contain("30 天").And.Contain("90 天"));
        });
    }
}
