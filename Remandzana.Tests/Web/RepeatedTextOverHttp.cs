using System.Net;
using Remandzana.Domain.Lines;
using Remandzana.Domain.Moderation;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Web;

/// <summary>The RepeatedText policy as it is by default, over real chat streams: origins are the browsers' addresses.</summary>
[Category("Web")]
public sealed class RepeatedTextOverHttp
{
    private const string Advert = "Best crypto signals, 100% profit, ask me for the group";

    private static readonly string Reason = new RepeatedText(new Ladder(2, Consequence.Kick)).Reason;

    private static readonly IPAddress Spammer = IPAddress.Parse("127.0.0.2");

    [Test]
    public async Task AnAdvertPastedIntoSeveralConversationsReachesThreeStrangersThenIsSuppressedThenKicked()
    {
        await using var app = new RemandzanaApp();
        for (var conversation = 1; conversation <= 3; conversation++)
        {
            var (stranger, spammer) = await app.OpenPair(secondFrom: Spammer);
            await using var _ = spammer;
            await using var __ = stranger;
            await spammer.Send(Advert.Replace("100", $"{conversation}00", StringComparison.Ordinal));
            await stranger.WaitForLine("Stranger: Best crypto signals");
        }

        var (victim, fourth) = await app.OpenPair(secondFrom: Spammer);
        await using var ___ = fourth;
        await using var ____ = victim;

        var first = await fourth.Send(Advert);
        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(fourth.Form.QuerySelector(".error")?.TextContent, Is.EqualTo(Notices.Suppressed(Reason).English));
            Assert.That(fourth.Form.QuerySelector("input[name=message]")?.GetAttribute("value"), Is.EqualTo(Advert), "the text is kept");
        });
        await fourth.Send(Advert);
        Assert.That(fourth.Form.QuerySelector(".error")?.TextContent, Does.Contain("last warning"));
        await fourth.Send(Advert);

        Assert.That(fourth.Form.QuerySelector(".error")?.TextContent, Is.EqualTo(Notices.Kicked(Reason).English));
        Assert.That(fourth.Form.QuerySelector("input[name=message]")?.HasAttribute("disabled"), Is.True);
        await fourth.WaitForLine(Notices.Kicked(Reason).English);
        await fourth.WaitForEnd();
        await victim.WaitForLine(Notices.StrangerLeft);
        Assert.That(victim.ChatTexts, Is.Empty, "the fourth stranger never saw the advert");
    }

    [Test]
    public async Task OneTextFromManyAddressesIntoManyConversationsIsSuppressedForThoseAddressesOnly()
    {
        await using var app = new RemandzanaApp();
        var clients = new List<ChatClient>();
        var reached = new List<bool>();
        try
        {
            foreach (var from in new[] { 2, 3, 4, 5, 6, 7, 2 })
            {
                var (stranger, sender) = await app.OpenPair(secondFrom: IPAddress.Parse($"127.0.0.{from}"));
                clients.Add(sender);
                clients.Add(stranger);
                await sender.Send(Advert);
                reached.Add(sender.Form.QuerySelector(".error") is null);
            }

            Assert.That(reached, Is.EqualTo(new[] { true, true, true, true, false, true, false }), "the fifth address makes a swarm; the sixth, not in it, is heard; the first, in it, is not");
            await clients[^1].Send("a stranger says hello");
            await clients[^2].WaitForLine("Stranger: a stranger says hello");
            Assert.That(clients[^1].ChatTexts, Is.EqualTo(new[] { "You: a stranger says hello" }), "the advert never arrived");
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    [Test]
    public async Task AnAdvertWithAnInvisibleCharacterMovedAroundOrLookAlikeLettersReachesThreeStrangers()
    {
        string[] copies =
        [
            "Best crypto\u200b signals, 100% profit, ask me for the group",
            "Best crypto signals,\u200b 100% profit, ask me for the group",
            "Best crypto signals, 100% pro\u200bfit, ask me for the group",
            "Best сrypto signals, 100% profit, ask me for the group",
            "Best crypto signals, 100% profit, аsk me for the grоup",
            "Ｂｅｓｔ crypto signals, 100% profit, ask me for the group",
            "Best crypto si\u200dgnals, 100% profit, ask me for the gro\u0301up",
        ];
        await using var app = new RemandzanaApp();
        var reached = new List<bool>();
        var firstSeen = "";
        foreach (var copy in copies)
        {
            var (stranger, spammer) = await app.OpenPair(secondFrom: Spammer);
            await using var _ = spammer;
            await using var __ = stranger;
            await spammer.Send(copy);
            var relayed = spammer.Form.QuerySelector(".error") is null;
            reached.Add(relayed);
            if (relayed)
            {
                await stranger.WaitForLine("Stranger: Best");
                firstSeen = firstSeen.Length == 0 ? stranger.ChatTexts.Single() : firstSeen;
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(reached, Is.EqualTo(new[] { true, true, true, false, false, false, false }), "every copy is one text to the policy");
            Assert.That(firstSeen, Is.EqualTo($"Stranger: {copies[0]}"), "the stranger is shown the text as it was written");
        });
    }
}
