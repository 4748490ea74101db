using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.Time.Testing;
using Remandzana.Domain.Lines;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Web;

[Category("Web")]
public sealed class DebugViewOverHttp
{
    private static readonly HtmlParser Parser = new();

    [Test]
    public async Task WhenDisabledThereIsNoDebugPage()
    {
        await using var app = new RemandzanaApp(new Dictionary<string, string?> { ["Remandzana:Debug:Enabled"] = "false" });
        using var http = app.NewClient();

        Assert.That((await http.GetAsync("/debug")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await DebugView.Post(http, "anything")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        using var forwarded = new HttpRequestMessage(HttpMethod.Get, "/debug") { Headers = { { "X-Forwarded-For", "203.0.113.9" } } };
        Assert.That((await http.SendAsync(forwarded)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the same answer for a visitor");
        Assert.That(DebugView.Keys(app), Is.Empty);
    }

    [Test]
    public async Task TheKeyFormAsksForTheKeyFromTheLogWithoutScriptAndInThePagesLanguage()
    {
        await using var app = new RemandzanaApp();
        using var http = app.NewClient();

        using var answer = await http.GetAsync("/debug?lang=de");

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(answer.Headers.CacheControl?.NoStore, Is.True);
        var page = Parser.ParseDocument(await answer.Content.ReadAsStringAsync());
        var form = page.QuerySelector("form.key-form")!;
        var field = form.QuerySelector("input[name=key]")!;
        Assert.Multiple(() =>
        {
            Assert.That(form.GetAttribute("method"), Is.EqualTo("post"));
            Assert.That(form.GetAttribute("action"), Does.StartWith("/debug").And.Not.Contain("key="));
            Assert.That(field.GetAttribute("type"), Is.EqualTo("password"));
            Assert.That(field.GetAttribute("autocomplete"), Is.EqualTo("off"));
            Assert.That(page.QuerySelector($"label[for={field.Id}]")?.TextContent, Is.EqualTo("Schlüssel aus dem Protokoll des Servers"));
            Assert.That(form.QuerySelector("button[type=submit]")?.TextContent, Is.EqualTo("Debug-Ansicht öffnen"));
            Assert.That(page.QuerySelectorAll("script"), Is.Empty);
        });
    }

    [Test]
    public async Task AskingForTheFormLogsOneFreshKeyPerCooldown()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new RemandzanaApp(clock: clock);
        using var http = app.NewClient();

        Assert.That((await http.GetAsync("/debug")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await DebugView.Post(http, "guess")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.That((await http.GetAsync("/debug")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(DebugView.Keys(app), Has.Count.EqualTo(1), "one key within the cooldown");

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That((await http.GetAsync("/debug")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var keys = DebugView.Keys(app);
        Assert.That(keys, Has.Count.EqualTo(2), "a new key once the cooldown has passed");
        Assert.That(keys[1], Is.Not.EqualTo(keys[0]));
    }

    [Test]
    public async Task ThePostedKeyOpensTheJsonViewOnceAndCannotBeReplayed()
    {
        await using var app = new RemandzanaApp();
        using var http = app.NewClient();
        await http.GetAsync("/debug");
        var key = DebugView.Keys(app).Single();

        using var response = await DebugView.Post(http, key);
        using var replay = await DebugView.Post(http, key);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(json.RootElement.EnumerateObject().Select(property => property.Name), Is.EqualTo(new[] { "people", "lobbies", "rooms", "matchmaker", "reports" }));
        Assert.That(json.RootElement.GetProperty("matchmaker").GetString(), Is.Not.Empty, "the instance whose silo holds the matchmaker");
        Assert.That(json.RootElement.GetProperty("lobbies").EnumerateArray().Select(lobby => lobby.GetProperty("mode").GetString()), Is.EqualTo(new[] { "Two", "Three", "Question", "Global" }));

        Assert.That(replay.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "a used key is spent");
        Assert.That(await replay.Content.ReadAsStringAsync(), Does.Not.Contain("\"matchmaker\"").And.Contain("That key is wrong, expired or already used."));
        var keys = DebugView.Keys(app);
        Assert.That(keys, Has.Count.EqualTo(2), "the used key let a fresh one be logged at once, cooldown or not");
        Assert.That((await DebugView.Post(http, keys[1])).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the next key opens it again");
    }

    [Test]
    public async Task AKeyInTheAddressOpensNothingAndIsSpent()
    {
        await using var app = new RemandzanaApp();
        using var http = app.NewClient();
        await http.GetAsync("/debug");
        var key = DebugView.Keys(app).Single();

        using var inTheAddress = await http.GetAsync($"/debug?key={key}");
        using var postedAfter = await DebugView.Post(http, key);

        Assert.That(inTheAddress.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(inTheAddress.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(postedAfter.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "a key that travelled in an address may be in a proxy's log");
    }

    [Test]
    public async Task ATamperedKeyAKeyOfAnotherSiteOrAnExpiredKeyIsRefused()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new RemandzanaApp(clock: clock);
        await using var other = new RemandzanaApp();
        using var http = app.NewClient();
        using var elsewhere = other.NewClient();
        await http.GetAsync("/debug");
        await elsewhere.GetAsync("/debug");
        var key = DebugView.Keys(app).Single();
        var tampered = key[..^3] + (key[^3] == 'A' ? 'B' : 'A') + key[^2..];

        Assert.That((await DebugView.Post(http, tampered)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await DebugView.Post(http, DebugView.Keys(other).Single())).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "another key ring's key");
        clock.Advance(TimeSpan.FromSeconds(119));
        Assert.That((await DebugView.Post(http, key)).StatusCode, Is.EqualTo(HttpStatusCode.OK), "still within its two minutes");

        await http.GetAsync("/debug");
        var next = DebugView.Keys(app)[^1];
        clock.Advance(TimeSpan.FromSeconds(121));
        Assert.That((await DebugView.Post(http, next)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "past its two minutes");
    }

    [Test]
    public async Task AForwardedVisitorIsRefusedAndCannotMakeTheServerLogAKeyUnlessTheViewIsPublic()
    {
        await using var app = new RemandzanaApp();
        await using var open = new RemandzanaApp(new Dictionary<string, string?> { ["Remandzana:Debug:Public"] = "true" });
        using var http = app.NewClient();
        await http.GetAsync("/debug");
        var key = DebugView.Keys(app).Single();

        using var asked = await Forwarded(app, HttpMethod.Get, "/debug");
        using var posted = await Forwarded(app, HttpMethod.Post, "/debug", key);

        Assert.That(asked.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(DebugView.Keys(app), Has.Count.EqualTo(1), "a visitor's request logs no key");
        Assert.That((await DebugView.Post(http, key)).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the visitor did not spend the operator's key");

        using var askedOpen = await Forwarded(open, HttpMethod.Get, "/debug");
        Assert.That(askedOpen.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "Public: the form, for everyone");
        using var postedOpen = await Forwarded(open, HttpMethod.Post, "/debug", DebugView.Keys(open).Single());
        Assert.That(postedOpen.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task TheJsonListsAWaitingPersonAndAPairedRoom()
    {
        await using var app = new RemandzanaApp();
        var (alice, bob) = await app.OpenPair();
        await using var _ = alice;
        await using var __ = bob;
        await using var waiting = await app.OpenChat("/three");
        await waiting.WaitForLine
(Notices.LookingForTwoStrangers);
        using var http = app.NewClient();

        using var json = JsonDocument.Parse(await DebugView.Read(http, app));

        var root = json.RootElement;
        var people = root.GetProperty("people").EnumerateArray().ToList();
        Assert.That(people, Has.Count.EqualTo(3));
        var talkers = people.Where(person => person.GetProperty("entry").GetString() == "Two").ToList();
        var waiter = people.Single(person => person.GetProperty("entry").GetString() == "Three");
        var room = root.GetProperty("rooms").EnumerateArray().Single();
        var three = root.GetProperty("lobbies").EnumerateArray().Single(lobby => lobby.GetProperty("mode").GetString() == "Three");
        var two = root.GetProperty("lobbies").EnumerateArray().Single(lobby => lobby.GetProperty("mode").GetString() == "Two");
        Assert.Multiple(() =>
        {
            Assert.That(waiter.GetProperty("room").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(waiter.GetProperty("lobbies").EnumerateArray().Select(lobby => lobby.GetString()), Is.EqualTo(new[] { "Three" }));
            Assert.That(waiter.GetProperty("role").GetString(), Is.EqualTo("Talker"));
            Assert.That(waiter.GetProperty("silenced").GetBoolean(), Is.False);
            Assert.That(three.GetProperty("waiting").EnumerateArray().Select(id => id.GetString()), Is.EqualTo(new[] { waiter.GetProperty("id").GetString() }));
            Assert.That(three.GetProperty("roomNeeds").GetProperty("Talker").GetInt32(), Is.EqualTo(3));
            Assert.That(two.GetProperty("waiting").GetArrayLength(), Is.Zero);

            Assert.That(room.GetProperty("mode").GetString(), Is.EqualTo("Two"));
            var members = room.GetProperty("members").EnumerateArray().ToList();
            Assert.That(members.Select(member => member.GetProperty("id").GetString()), Is.EquivalentTo(talkers.Select(person => person.GetProperty("id").GetString())));
            Assert.That(members.Select(member => member.GetProperty("index").GetInt32()), Is.EqualTo(new[] { 0, 1 }));
            Assert.That(members.Select(member => member.GetProperty("role").GetString()), Is.All.EqualTo("Talker"));
            Assert.That(talkers.Select(person => person.GetProperty("room").GetString()), Is.All.EqualTo(room.GetProperty("id").GetString()));
            Assert.That(talkers.Select(person => person.GetProperty("lobbies").GetArrayLength()), Is.All.Zero);
        });
    }

    [Test]
    public async Task TheJsonShowsEachPersonsLanguageAndInterests()
    {
        await using var app = new RemandzanaApp();
        await using var waiting = await app.OpenChat("/three?lang=pt&interests=Chess,go");
        await waiting.WaitForLine("Procurando dois desconhecidos para conversar…");
        using var http = app.NewClient();

        using var json = JsonDocument.Parse(await DebugView.Read(http, app));

        var person = json.RootElement.GetProperty("people").EnumerateArray().Single();
        Assert.That(person.GetProperty("language").GetString(), Is.EqualTo("pt"));
        Assert.That(person.GetProperty("interests").EnumerateArray().Select(tag => tag.GetString()), Is.EqualTo(new[] { "chess", "go" }));
    }

    /// <summary>A request that nginx on this host forwards for an outside visitor.</summary>
    private static async Task<HttpResponseMessage> Forwarded(RemandzanaApp app, HttpMethod method, string path, string? key = null)
    {
        using var proxy = app.NewClient();
        using var request = new HttpRequestMessage(method, path) { Headers = { { "X-Forwarded-For", "203.0.113.9" } } };
        if (key is not null)
        {
            request.Content = new FormUrlEncodedContent([new("key", key)]);
        }

        return await proxy.SendAsync(request);
    }
}
