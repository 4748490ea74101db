using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Remandzana.Domain.Lines;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Web;

[Category("Web")]
public sealed class DebugViewOverHttp
{
    [Test]
    public async Task WhenDisabledThereIsNoDebugPage()
    {
        await using var app = new RemandzanaApp(new Dictionary<string, string?> { ["Remandzana:Debug:Enabled"] = "false" });
        using var http = app.NewClient();

        Assert.That((await http.GetAsync("/debug")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await http.GetAsync("/debug?key=anything")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(LoggedKeys(app), Is.Empty);
    }

    [Test]
    public async Task WithoutAKeyTheAnswerIs401AndOneFreshKeyIsLoggedPerCooldown()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new RemandzanaApp(clock: clock);
        using var http = app.NewClient();

        Assert.That((await http.GetAsync("/debug")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await http.GetAsync("/debug?key=guess")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.That((await http.GetAsync("/debug")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(LoggedKeys(app), Has.Count.EqualTo(1), "one key within the cooldown");

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That((await http.GetAsync("/debug")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var keys = LoggedKeys(app);
        Assert.That(keys, Has.Count.EqualTo(2), "a new key once the cooldown has passed");
        Assert.That(keys[1], Is.Not.EqualTo(keys[0]));
    }

    [Test]
    public async Task TheLoggedKeyOpensTheJsonView()
    {
        await using var app = new RemandzanaApp();
        using var http = app.NewClient();
        await http.GetAsync("/debug");

        var response = await http.GetAsync($"/debug?key={LoggedKeys(app).Single()}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(json.RootElement.EnumerateObject().Select(property => property.Name), Is.EqualTo(new[] { "people", "lobbies", "rooms", "matchmaker", "reports" }));
        Assert.That(json.RootElement.GetProperty("matchmaker").GetString(), Is.Not.Empty, "the instance whose silo holds the matchmaker");
        Assert.That(json.RootElement.GetProperty("lobbies").EnumerateArray().Select(lobby => lobby.GetProperty("mode").GetString()), Is.EqualTo(new[] { "Two", "Three", "Question", "Global" }));
        Assert.That(LoggedKeys(app), Has.Count.EqualTo(1), "a valid key logs nothing new");
    }

    [Test]
    public async Task ATamperedKeyOrAnExpiredKeyIsRefused()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new RemandzanaApp(clock: clock);
        using var http = app.NewClient();
        await http.GetAsync("/debug");
        var key = LoggedKeys(app).Single();
        var tampered = key[..^3] + (key[^3] == 'A' ? 'B' : 'A') + key[^2..];

        Assert.That((await http.GetAsync($"/debug?key={tampered}")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        clock.Advance(TimeSpan.FromSeconds(599));
        Assert.That((await http.GetAsync($"/debug?key={key}")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "still within its lifetime");
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.That((await http.GetAsync($"/debug?key={key}")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "past its ten minutes");
    }

    [Test]
    public async Task TheJsonListsAWaitingPersonAndAPairedRoom()
    {
        await using var app = new RemandzanaApp();
        await using var alice = await app.OpenChat("/two");
        await using var bob = await app.OpenChat("/two");
        await using var waiting = await app.OpenChat("/three");
        await alice.WaitForLine(Notices.FoundStranger);
        await bob.WaitForLine(Notices.FoundStranger);
        await waiting.WaitForLine(Notices.LookingForTwoStrangers);
        using var http = app.NewClient();
        await http.GetAsync("/debug");

        using var json = JsonDocument.Parse(await http.GetStringAsync($"/debug?key={LoggedKeys(app).Single()}"));

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
        await http.GetAsync("/debug");

        using var json = JsonDocument.Parse(await http.GetStringAsync($"/debug?key={LoggedKeys(app).Single()}"));

        var person = json.RootElement.GetProperty("people").EnumerateArray().Single();
        Assert.That(person.GetProperty("language").GetString(), Is.EqualTo("pt"));
        Assert.That(person.GetProperty("interests").EnumerateArray().Select(tag => tag.GetString()), Is.EqualTo(new[] { "chess", "go" }));
    }

    private static List<string> LoggedKeys(RemandzanaApp app) =>
        app.Logs.Entries
            .Where(entry => entry.Level == LogLevel.Warning && entry.Properties.ContainsKey("DebugKey"))
            .Select(entry => (string)entry.Properties["DebugKey"]!)
            .ToList();
}
