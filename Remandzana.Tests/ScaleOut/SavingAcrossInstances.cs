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
    public async Task StartSite() => _site = await ScaledOutSite.Start(2);

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

    private static List<string> Texts(string file) =>
        [.. Parser.ParseDocument(file).QuerySelectorAll(".lines .line").Select(line => line.QuerySelector("bdi.text") is { } text ? $"{line.QuerySelector("b.who")!.TextContent} {text.TextContent}" : line.TextContent[(line.QuerySelector("time")!.TextContent.Length + 1)..])];
}
