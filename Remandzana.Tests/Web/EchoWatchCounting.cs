using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Serialization;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;
using Remandzana.Tests.Support;
using Remandzana.Web.Cluster;
using Remandzana.Web.Grains;
using Remandzana.Web.Moderation;
using Remandzana.Web.Sessions;

namespace Remandzana.Tests.Web;

/// <summary>
/// The instance's echo count, as rooms on one silo ask it from their own turns at once, and as the
/// copies judged on one instance reach another in a batch.
/// </summary>
[Category("Web")]
public sealed class EchoWatchCounting
{
    private const string Advert = "Cheap followers for your channel, write to me for the price list";

    private static readonly PoliciesByMode Policies = new(new Dictionary<Mode, IReadOnlyList<Policy>> { [Mode.Two] = [new RepeatedText(new Ladder(2, Consequence.Kick))] });

    private static readonly EchoLimits Limits = EchoLimits.Default;

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 5, 20, 0, 0, TimeSpan.Zero));

    private static readonly string[] Digits = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    /// <summary>A number in words: numbers in digits are evened out, so texts differing only in them are one text.</summary>
    private static string Spelt(int number) => string.Join(' ', number.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(digit => Digits[digit - '0']));

    private EchoWatch Watch(PoliciesByMode? policies = null) => new(Limits, _clock, new PoliciesInForce(policies ?? Policies));

    [Test]
    public async Task RoomsAskingAtOnceCountEveryCopyExactlyOnce()
    {
        var watch = Watch();
        const int Rooms = 8;
        const int TextsPerRoom = 2_000;

        // Each room says its own texts, and all of them the one advert from one origin into their own room.
        var echoes = await Task.WhenAll(Enumerable.Range(0, Rooms).Select(room => Task.Run(() =>
        {
            var heard = new List<Echo>();
            for (var i = 0; i < TextsPerRoom; i++)
            {
                watch.Observe(new Origin($"address:192.0.2.{room}"), $"room-{room}", $"room {Spelt(room)} says text {Spelt(i)} and nothing else");
                if (i % 40 == 0)
                {
                    heard.Add(watch.Observe(new Origin("address:198.51.100.1"), $"room-{room}-{i}", Advert));
                }
            }

            return heard;
        })));

        var advertEchoes = echoes.SelectMany(heard => heard).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(watch.Count, Is.EqualTo((Rooms * TextsPerRoom) + 1), "every distinct text, and the advert once");
            Assert.That(watch.Copies.Observed, Is.EqualTo((Rooms * TextsPerRoom) + advertEchoes.Count));
            Assert.That(advertEchoes.Count(echo => echo == Echo.None), Is.EqualTo(Limits.Rooms), "the advert reaches exactly Rooms rooms, however the rooms interleave");
            Assert.That(advertEchoes.Count(echo => echo == Echo.Repeated), Is.EqualTo(advertEchoes.Count - Limits.Rooms));
        });
    }

    [Test]
    public void AGreetingCostsNothing()
    {
        var watch = Watch();
        watch.Shared = true;

        var echo = watch.Observe(new Origin("address:192.0.2.1"), "room-1", "hi, asl?");

        Assert.Multiple(() =>
        {
            Assert.That(echo, Is.EqualTo(Echo.None));
            Assert.That(watch.Count, Is.Zero);
            Assert.That(watch.Copies.Observed, Is.Zero);
            Assert.That(watch.TakeOutgoing(), Is.Empty);
        });
    }

    [Test]
    public void WithoutTheRepeatedTextPolicyNothingIsCounted()
    {
        var watch = Watch(PoliciesByMode.None);
        watch.Shared = true;

        var echoes = Enumerable.Range(1, 6).Select(room => watch.Observe(new Origin("address:192.0.2.1"), $"room-{room}", Advert)).ToList();
        watch.Heard([TextCopy.Of("address:192.0.2.1", "room-9", Advert, Limits.MinLength)!.Value]);

        Assert.Multiple(() =>
        {
            Assert.That(watch.Enabled, Is.False);
            Assert.That(echoes, Is.All.EqualTo(Echo.None));
            Assert.That(watch.Count, Is.Zero);
            Assert.That(watch.TakeOutgoing(), Is.Empty);
        });
    }

    [Test]
    public void AloneNothingWaitsToBeSent()
    {
        var watch = Watch();

        watch.Observe(new Origin("address:192.0.2.1"), "room-1", Advert);

        Assert.That(watch.TakeOutgoing(), Is.Empty);
    }

    [Test]
    public void CopiesJudgedOnOneInstanceCountOnAnotherOnceHeard()
    {
        var here = Watch();
        var there = Watch();
        here.Shared = true;
        var spammer = new Origin("address:198.51.100.7");

        var hereSays = Enumerable.Range(1, 3).Select(room => here.Observe(spammer, $"room-{room}", Advert)).ToList();
        var batch = here.TakeOutgoing();
        there.Heard(batch);
        var thereSays = there.Observe(spammer, "room-4", $"  CHEAP followers for your channel, write to me for the price list ");
        var someoneElseThere = there.Observe(new Origin("address:192.0.2.8"), "room-5", Advert);

        Assert.Multiple(() =>
        {
            Assert.That(hereSays, Is.All.EqualTo(Echo.None));
            Assert.That(batch, Has.Length.EqualTo(3));
            Assert.That(here.TakeOutgoing(), Is.Empty, "a batch is taken once");
            Assert.That(there.Copies, Is.EqualTo((2L, 3L)), "two judged there, three heard");
            Assert.That(thereSays, Is.EqualTo(Echo.Repeated), "the fourth room, counted on another instance");
            Assert.That(someoneElseThere, Is.EqualTo(Echo.None), "someone else is judged by their own copies");
        });
    }

    [Test]
    public void AFloodKeepsTheBatchBounded()
    {
        var watch = Watch();
        watch.Shared = true;

        for (var i = 0; i < EchoWatch.MaxOutgoing + 10; i++)
        {
            watch.Observe(new Origin("address:192.0.2.1"), "room-1", $"{Advert} {Spelt(i)}");
        }

        Assert.That(watch.TakeOutgoing(), Has.Length.EqualTo(EchoWatch.MaxOutgoing));
    }

    [Test]
    public void ABadShareIntervalStopsTheStartNamingTheSetting()
    {
        var failure = Assert.Catch(() => _ = new RemandzanaApp(new Dictionary<string, string?> { ["Remandzana:Moderation:RepeatedText:ShareMilliseconds"] = "0" }));

        var messages = new List<string>();
        for (var e = failure; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        Assert.That(string.Join(" | ", messages), Does.Contain("Remandzana:Moderation:RepeatedText").And.Contain("ShareMilliseconds"));
    }

    [Test]
    public void ABatchCrossesTheWireUnchanged()
    {
        using var services = new ServiceCollection().AddSerializer(builder => builder.AddAssembly(typeof(InstanceService).Assembly)).BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        TextCopy[] batch = [TextCopy.Of("address:192.0.2.1", "room-1", Advert, Limits.MinLength)!.Value, new TextCopy(ulong.MaxValue, 0, 1)];

        var across = serializer.Deserialize<TextCopy[]>(serializer.SerializeToArray(batch));

        Assert.That(across, Is.EqualTo(batch));
    }
}
