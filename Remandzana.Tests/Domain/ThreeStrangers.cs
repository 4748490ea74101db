using Remandzana.Domain.Lines;
using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Domain;

[Category("Domain")]
public sealed class ThreeStrangers
{
    private Told _told = null!;
    private Person _alice = null!;
    private Person _bob = null!;
    private Person _charlie = null!;

    private Room _room = null!;

    [SetUp]
    public void ThreePeopleMeet()
    {
        _told = new Told();
        _alice = _told.Join(ChatEntry.Three);
        _bob = _told.Join(ChatEntry.Three);
        Assert.That(_alice.Room, Is.Null, "two are not enough");
        _charlie = _told.Join(ChatEntry.Three);
        _room = _charlie.Room!;
    }

    [Test]
    public void TheFirstThreeMeetAsAliceBobAndCharlieInOrderOfAdmission()
    {
        Assert.That(_alice.Room, Is.TypeOf<ThreeRoom>());
        Assert.That(_told.Texts(_alice).Last(), Is.EqualTo($"{Notices.FoundTwoStrangers} You are Alice."));
        Assert.That(_told.Texts(_bob).Last(), Does.EndWith("You are Bob."));
        Assert.That(_told.Texts(_charlie).Last(), Does.EndWith("You are Charlie."));
    }

    [Test]
    public void EachSeesTheNamesWithYouAfterTheirOwn()
    {
        Drain();
        Send(_bob, "hi");

        Assert.That(_told.Texts(_alice), Is.EqualTo(new[] { "Bob: hi" }));
        Assert.That(_told.Texts(_bob), Is.EqualTo(new[] { "Bob (You): hi" }));
        Assert.That(_told.Texts(_charlie), Is.EqualTo(new[] { "Bob: hi" }));
    }

    [Test]
    public void EveryoneHasTheirOwnColour()
    {
        Drain();
        Send(_alice, "a");
        Send(_bob, "b");
        Send(_charlie, "c");

        var colours = _told.Drain(_charlie).Cast<ChatLine>().Select(line => line.From.Colour);
        Assert.That(colours, Is.EqualTo(new[] { SpeakerColour.Alice, SpeakerColour.Bob, SpeakerColour.Charlie }));
    }

    [Test]
    public void WhenOneLeavesTheOtherTwoAreToldByNameAndGoOn()
    {
        Drain();
        Leave(_bob);

        Assert.That(_told.Texts(_alice), Is.EqualTo(new[] { "Bob has left." }));
        Assert.That(_told.Texts(_charlie), Is.EqualTo(new[] { "Bob has left." }));
        Assert.That(_told.Released(_alice) || _told.Released(_charlie), Is.False);
        Assert.That(Send(_alice, "still here"), Is.EqualTo(SendOutcome.Relayed));
        Assert.That(_told.Texts(_charlie), Is.EqualTo(new[] { "Alice: still here" }));
    }

    [Test]
    public void WhenOnlyOneIsLeftTheyAreToldAndReleased()
    {
        Drain();
        Leave(_bob);
        Leave(_alice);

        Assert.That(_told.Texts(_charlie), Is.EqualTo(new[] { "Bob has left.", "Alice has left.", Notices.EveryoneElseLeft }));
        Assert.That(new[] { _alice, _bob, _charlie }.Select(_told.Released), Is.All.True);
        Assert.That(_room.IsFinished, Is.True);
    }

    [Test]
    public void AFourthPersonWaitsForTheNextRoom()
    {
        var fourth = _told.Join(ChatEntry.Three);

        Assert.That(fourth.Room, Is.Null);
        Assert.That(_told.Matchmaker.Three.Waiting, Is.EqualTo(new[] { fourth }));
    }

    private SendOutcome Send(Person sender, string text) => _told.After(_room, _room.Receive(sender, text, PoliciesByMode.None));

    private void Leave(Person person)
    {
        _room.Depart(person);
        _told.After(_room);
    }

    private void Drain()
    {
        _told.Drain(_alice);
        _told.Drain(_bob);
        _told.Drain(_charlie);
    }
}
