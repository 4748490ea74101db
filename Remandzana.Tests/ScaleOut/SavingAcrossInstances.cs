using System.Net;
using AngleSharp.Html.Parser;
using Remandzana.Domain.Lines;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.ScaleOut;

/// <summary>
/// Two app processes sharing one redis-server: a transcript is kept by the instance that holds the
/// person's stream, and a "Save conversation" post that lands on the other instance still gets it.
/// </summary>
[Category("ScaleOut")]
[NonParallelizable]
public sealed class SavingAcrossInstances
{
    private static readonly HtmlParser Parser = new();
    private ScaledOutSite _site = null!;

    [OneTimeSetUp]
    // A dropped page is held for a few seconds, so a resume link can land on the other instance (issue 25).
    public async Task StartSite() => _site = await ScaledOutSite.Start(2, settings: new Dictionary<string, string> { ["Remandzana__Chat__ResumeSeconds"] = "5" });

    [OneTimeTearDown]
    public async Task StopSite() => await _site.DisposeAsync();

    [Test]
    public async Task APostToTheOtherInstanceGetsTheFileWhileChattingAndAfterTheEnd()
    {
        var (alice, bob) = await _site[0].OpenPair(_site[1]);
        await using var _ = alice;

        await bob.Send("hello from instance 1");
        await alice.WaitForLine("Stranger: hello from instance 1");
        using var elsewhere = _site[1].NewClient();

        var (running, file) = await alice.SaveConversation(via: elsewhere);

        Assert.That(running.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the instance that did not hold the stream answered with the file");
        Assert.That(running.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("attachment"));
        Assert.That(Texts(file), Is.EqualTo(new[] { Notices.LookingForStranger, Notices.FoundStranger, "Stranger: hello from instance 1" }));

        await bob.DisposeAsync();
        await alice.WaitForEnd();
        var (ended, after) = await alice.SaveConversation(via: elsewhere);

        Assert.That(ended.StatusCode, Is.EqualTo(HttpStatusCode.OK), "kept after the end by the instance that held the stream");
        Assert.That(Texts(after)[^2..], Is.EqualTo(new[] { Notices.StrangerLeft, Notices.ConversationOver }));
    }

    /// <summary>
    /// A resume link that lands on the other instance: the instance that held the stream hands the
    /// person over, the room sends their lines to the new one, and the lines that waited come first.
    /// </summary>
    [Test]
    public async Task AResumeLinkOpenedOnTheOtherInstanceBringsThePersonBackWithWhatTheyMissed()
    {
        var (alice, bob) = await _site[0].OpenPair(_site[1]);
        await using var _ = bob;
        var link = alice.ResumeLink();
        await alice.DisposeAsync();
        await bob.WaitForLine("Stranger's connection dropped — waiting up to 5 s.");
        await bob.Send("missed across instances");

        await using var back = await _site[1].OpenChat(link);
        await back.WaitForLine(Notices.YouAreBack);
        await bob.WaitForLine(Notices.StrangerIsBack);
        Assert.That(back.LineTexts, Is.EqualTo(new[] { "Stranger: missed across instances", Notices.YouAreBack }));

        using var viaZero = _site[0].NewClient();
        using var viaOne = _site[1].NewClient();
        Assert.That((await back.Send("back on instance 1", via: viaZero)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await bob.WaitForLine("Stranger: back on instance 1");
        await back.WaitForLine("You: back on instance 1");
        Assert.That((await viaZero.GetAsync(link)).StatusCode, Is.EqualTo(HttpStatusCode.Gone), "spent, on the instance that issued it");
        Assert.That((await viaOne.GetAsync(link)).StatusCode, Is.EqualTo(HttpStatusCode.Gone), "spent, on the instance that took it");

        await back.EndOnPurpose(viaZero);
        await bob.WaitForLine(Notices.StrangerLeft);
        await bob.WaitForEnd();
    }

    [Test]
    public async Task AResumeLinkOpenedOnTheOtherInstanceTakesOverAPageStillStreaming()
    {
        var (alice, bob) = await _site[0].OpenPair(_site[1]);
        await using var _ = alice;
        await using var __ = bob;

        await using var second = await _site[1].OpenChat(alice.ResumeLink());
        await alice.WaitForEnd();
        Assert.That(alice.LineTexts[^1], Is.EqualTo(Notices.TakenOver));
        await second.WaitForLine(Notices.YouAreBack);
        await bob.Send("still with me?");
        await second.WaitForLine("Stranger: still with me?");
        Assert.That(bob.LineTexts, Has.None.Contains("dropped"));

        using var viaOne = _site[1].NewClient();
        await bob.EndOnPurpose(viaOne);
        await second.WaitForLine(Notices.StrangerLeft);
    }

    private static List<string> Texts(string file) =>
        [.. Parser.ParseDocument(file).QuerySelectorAll(".lines .line").Select(line => line.QuerySelector("bdi.text") is { } text ? $"{line.QuerySelector("b.who")!.TextContent} {text.TextContent}" : line.TextContent[(line.QuerySelector("time")!.TextContent.Length + 1)..])];
}
