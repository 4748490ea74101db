using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Remandzana.Domain.Lines;
using Remandzana.Tests.Support;
using Remandzana.Web.Debug;

namespace Remandzana.Tests.ScaleOut;

/// <summary>Three app processes on real Kestrel ports sharing one redis-server: every mode works across them.</summary>
[Category("ScaleOut")]
[NonParallelizable]
public sealed partial class EveryModeAcrossInstances
{
    private ScaledOutSite _site = null!;
    private readonly List<ChatClient> _tabs = [];

    [OneTimeSetUp]
    public async Task StartSite() => _site = await ScaledOutSite.Start(3, settings: AnAdmin);

    [OneTimeTearDown]
    public async Task StopSite() => await _site.DisposeAsync();

    [TearDown]
    public async Task CloseTabs()
    {
        foreach (var tab in _tabs)
        {
            await tab.DisposeAsync();
        }

        _tabs.Clear();
        await WaitUntilEveryoneHasLeft();
    }

    /// <summary>Waits until the cluster holds nobody (the instances notice closed tabs a few milliseconds after the sockets close).</summary>
    private async Task WaitUntilEveryoneHasLeft()
    {
        DebugSnapshot? snapshot = null;
        await Eventually.That(
            async () => (snapshot = await Snapshot()) is { People.Count: 0, Rooms.Count: 0 },
            "everyone to leave",
            () => $"{snapshot?.People.Count} people, {snapshot?.Rooms.Count} rooms still there");
    }

    private async Task<ChatClient> Open(int instance, string path)
    {
        var tab = await _site[instance].OpenChat(path);
        _tabs.Add(tab);
        return tab;
    }

    [Test]
    public async Task StrangersOnTwoInstancesChatAndEachSendLandsOnTheOtherInstance()
    {
        var (a, b) = await _site[0].OpenPair(_site[1]);
        _tabs.AddRange([a, b]);

        using var viaOne = _site[1].NewClient();
        using var viaZero = _site[0].NewClient();
        Assert.That((await a.Send("hello from instance 0", via: viaOne)).StatusCode, Is.EqualTo(HttpStatusCode.OK), "a send posted to the instance that does not hold the stream");
        await b.WaitForLine("Stranger: hello from instance 0");
        await a.WaitForLine("You: hello from instance 0");

        Assert.That((await a.Send("and again", via: viaZero)).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the token instance 1 issued opens on instance 0: the key ring is shared");
        Assert.That((await b.Send("<script>alert(1)</script>", via: viaZero)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var line = await a.WaitForLine("alert(1)");
        Assert.That(line.QuerySelector("bdi.text")!.TextContent, Is.EqualTo("<script>alert(1)</script>"));
        Assert.That(line.QuerySelector("script"), Is.Null, "encoded by the instance that rendered it");

        await a.DisposeAsync();
        await b.WaitForLine(Notices.StrangerLeft);
        await b.WaitForEnd();
    }

    [Test]
    public async Task ThreeStrangersOnThreeInstancesAreAliceBobAndCharlie()
    {
        var tabs = new[] { await Open(0, "/three"), await Open(1, "/three"), await Open(2, "/three") };
        await tabs[0].WaitForLine(Notices.YouAre("Alice").English);
        await tabs[1].WaitForLine(Notices.YouAre("Bob").English);
        await tabs[2].WaitForLine(Notices.YouAre("Charlie").English);

        using var viaZero = _site[0].NewClient();
        await tabs[2].Send("from Charlie", via: viaZero);
        await tabs[0].WaitForLine("Charlie: from Charlie");
        await tabs[1].WaitForLine("Charlie: from Charlie");
        await tabs[2].WaitForLine("Charlie (You): from Charlie");
    }

    [Test]
    public async Task TheAskerOnOneInstanceWatchesDiscussersOnTheOthers()
    {
        var asker = await Open(0, "/question/ask");
        await asker.WaitForLine(Notices.AskForQuestion);
        using var viaTwo = _site[2].NewClient();
        Assert.That((await asker.Send("Tabs or spaces?", via: viaTwo)).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var first = await Open(1, "/question/discuss");
        var second = await Open(2, "/question/discuss");
        await asker.WaitForLine(Notices.FoundDiscussers);
        await first.WaitForLine(Notices.QuestionIs("Tabs or spaces?").English);
        await second.WaitForLine(Notices.QuestionIs("Tabs or spaces?").English);

        await second.Send("spaces");
        await asker.WaitForLine("Bob: spaces");
        await first.WaitForLine("Stranger: spaces");
    }

    [Test]
    public async Task SpanishPeopleOnThreeInstancesReadTheNoticesThatCarryTheQuestionInSpanish()
    {
        var asker = await Open(0, "/question/ask?lang=es");
        await asker.WaitForLine("Escribe una pregunta para que la discutan dos desconocidos.");
        using var viaTwo = _site[2].NewClient();
        Assert.That((await asker.Send("¿Tabuladores o espacios?", via: viaTwo)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await asker.WaitForLine("espacios?")).TextContent, Is.EqualTo("Tu pregunta: ¿Tabuladores o espacios?"));

        var first = await Open(1, "/question/discuss?lang=es");
        var second = await Open(2, "/question/discuss?lang=es");

        Assert.That((await first.WaitForLine("espacios?")).TextContent, Is.EqualTo("Pregunta: ¿Tabuladores o espacios?"));
        Assert.That((await second.WaitForLine("espacios?")).TextContent, Is.EqualTo("Pregunta: ¿Tabuladores o espacios?"));
        await second.DisposeAsync();
        Assert.That((await asker.WaitForLine("Bob")).TextContent, Is.EqualTo("Bob se ha ido."), "a notice whose argument is a name, from a room on another instance");
    }

    [Test]
    public async Task GlobalChatMembersOnEveryInstanceSeeJoinsMessagesAndLeaves()
    {
        var first = await Open(0, "/global");
        await first.WaitForLine("You are the only one here");
        var second = await Open(1, "/global");
        await second.WaitForLine("2 people are here");
        var third = await Open(2, "/global");
        await third.WaitForLine("3 people are here");
        await first.WaitForLine(Notices.Joined("Anonymous").English);

        await second.Send("/nick relay");
        await second.WaitForLine(Notices.NickChanged("relay").English);
        await second.Send("hello everyone");
        await first.WaitForLine("relay: hello everyone");
        await third.WaitForLine("relay: hello everyone");

        await second.DisposeAsync();
        await first.WaitForLine(Notices.Left("relay").English);
        await third.WaitForLine(Notices.Left("relay").English);
    }

    [Test]
    public async Task AnyModeOnOneInstanceMeetsSomeoneWaitingOnAnother()
    {
        var waiting = await Open(0, "/two");
        await waiting.WaitForLine(Notices.LookingForStranger);
        var any = await Open(2, "/any");
        await any.WaitForLine(Notices.FoundStranger);
        await waiting.WaitForLine(Notices.FoundStranger);
    }

    [Test]
    public async Task TheMessageCountOfEveryInstanceShowsOnEachFooter()
    {
        using var reader = _site[2].NewClient();
        var before = await MessagesToday(reader);
        var (a, b) = await _site[0].OpenPair(_site[1]);
        _tabs.AddRange([a, b]);
        await a.Send("one");
        await b.Send("two");
        await a.Send("three");
        await b.WaitForLine("Stranger: three");

        // Each instance adds its count to Redis once per Remandzana:Metrics:CountWriteSeconds (1 s here);
        // an earlier test's last messages may still be on their way, so the count reaches at least three more.
        await Eventually.That(async () => await MessagesToday(reader) >= before + 3, "the count of instances 0 and 1 to show on instance 2's footer");
    }

    private static async Task<long> MessagesToday(HttpClient http)
    {
        var page = new HtmlParser().ParseDocument(await http.GetStringAsync("/about"));
        var text = page.QuerySelector(".messages-today")!.TextContent;
        return long.Parse(Regex.Match(text, @"^[\d,]+").Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Test]
    public async Task TheDebugViewOfOneInstanceShowsEveryInstance()
    {
        var a = await Open(0, "/two");
        var b = await Open(2, "/global");
        await a.WaitForLine(Notices.LookingForStranger);
        await b.WaitForLine("global chat");

        using var zero = _site[0].NewClient();
        Assert.That((await zero.GetAsync("/debug")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var key = await LoggedDebugKey(_site[0]);
        using var one = _site[1].NewClient();
        using var two = _site[2].NewClient();
        var response = await DebugView.Post(one, key);
        using var replayed = await DebugView.Post(two, key);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a key logged by instance 0 opens instance 1's view");
        Assert.That(replayed.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "once: spent for the whole site");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var people = json.RootElement.GetProperty("people").EnumerateArray()
            .Select(person => (Entry: person.GetProperty("entry").GetString(), Instance: person.GetProperty("instance").GetString()))
            .ToList();
        Assert.That(people, Is.EquivalentTo(new[] { ("Two", "instance-0"), ("Global", "instance-2") }));
        Assert.That(json.RootElement.GetProperty("lobbies").EnumerateArray().Single(lobby => lobby.GetProperty("mode").GetString() == "Two").GetProperty("waiting").GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public async Task ThousandsOfPagesOpenedAtOnceOnThreeInstancesBreakNoInvariant()
    {
        string[] paths = ["/two", "/three", "/question/discuss", "/question/ask", "/any", "/any", "/global"];
        var opened = new ConcurrentBag<ChatClient>();
        await Parallel.ForAsync(0, 1_400, new ParallelOptions { MaxDegreeOfParallelism = 48 }, async (i, _) =>
        {
            var tab = await _site[i % 3].OpenChat(paths[i % paths.Length]);
            opened.Add(tab);
            if (i % paths.Length == 3)
            {
                using var other = _site[(i + 1) % 3].NewClient();
                await tab.Send($"Question {i}?", via: other);
            }
        });
        _tabs.AddRange(opened);

        // Each instance replays its channel in order: once a newcomer to global chat is welcomed there, all before it was replayed.
        for (var instance = 0; instance < 3; instance++)
        {
            var barrier = await Open(instance, "/global");
            await barrier.WaitForLine("Welcome to global chat.");
        }

        var snapshot = await Snapshot();
        Assert.That(snapshot.People, Has.Count.EqualTo(_tabs.Count));
        SwitchboardInvariants.Hold(snapshot);
        // The instances have replayed everything; the last lines may still be on their way to the pages.
        var members = snapshot.Rooms.Sum(room => room.Members.Count);
        await Eventually.That(() => FoundLines().Sum() >= members, $"the {members} room members' pages to be told they found a room", () => string.Join(", ", FoundLines()));
        var found = FoundLines();
        Assert.That(found, Is.All.LessThanOrEqualTo(1), "no page was told twice that it found a room");
        Assert.That(found.Sum(), Is.EqualTo(members), "every room member's page, and only theirs, was told");
    }

    private List<int> FoundLines() => _tabs.Select(tab => tab.Page.QuerySelectorAll(".log div.line.found").Length).ToList();

    private async Task<DebugSnapshot> Snapshot()
    {
        using var http = _site[1].NewClient();
        return JsonSerializer.Deserialize<DebugSnapshot>(await DebugView.Read(http, _site[1]), DebugSnapshot.Json)!;
    }

    private static Task<string> LoggedDebugKey(AppProcess instance) =>
        Eventually.Found(() => DebugView.Keys(instance) is [.., var found] ? found : null, "instance 0 to log a debug key");
}
