using Remandzana.Domain.Lines;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;
using Remandzana.Domain.Switchboards;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Domain;

[Category("Domain")]
public sealed class ThreeStrangers
{
    private Switchboard _switchboard = null!;
    private Person _alice = null!;
    private Person _bob = null!;
    private Person _charlie = null!;

    [SetUp]
    public void ThreePeopleMeet()
    {
        _switchboard = Switchboards.New();
        _alice = _switchboard.JoinOrFail(ChatEntry.Three);
        _bob = _switchboard.JoinOrFail(ChatEntry.Three);
        Assert.That(_alice.Room, Is.Null, "two are not enough");
        _charlie = _switchboard.JoinOrFail(ChatEntry.Three);
    }

    [Test]
    public void TheFirstThreeMeetAsAliceBobAndCharlieInOrderOfAdmission()
    {
        Assert.That(_alice.Room, Is.TypeOf<ThreeRoom>());
        Assert.That(_alice.DrainTexts().Last(), Is.EqualTo($"{Notices.FoundTwoStrangers} You are Alice."));
        Assert.That(_bob.DrainTexts().Last(), Does.EndWith("You are Bob."));
        Assert.That(_charlie.DrainTexts().Last(), Does.EndWith("You are Charlie."));
    }

    [Test]
    public void EachSeesTheNamesWithYouAfterTheirOwn()
    {
        Drain();
        _switchboard.Send(_bob.Id, "hi");

        Assert.That(_alice.DrainTexts(), Is.EqualTo(new[] { "Bob: hi" }));
        Assert.That(_bob.DrainTexts(), Is.EqualTo(new[] { "Bob (You): hi" }));
        Assert.That(_charlie.DrainTexts(), Is.EqualTo(new[] { "Bob: hi" }));
    }

    [Test]
    public void EveryoneHasTheirOwnColour()
    {
        Drain();
        _switchboard.Send(_alice.Id, "a");
        _switchboard.Send(_bob.Id, "b");
        _switchboard.Send(_charlie.Id, "c");

        var colours = _charlie.Drain().Cast<ChatLine>().Select(line => line.From.Colour);
        Assert.That(colours, Is.EqualTo(new[] { SpeakerColour.Alice, SpeakerColour.Bob, SpeakerColour.Charlie }));
    }

    [Test]
    public void WhenOneLeavesTheOtherTwoAreToldByNameAndGoOn()
    {
        Drain();
        _switchboard.Leave(_bob.Id);

        Assert.That(_alice.DrainTexts(), Is.EqualTo(new[] { "Bob has left." }));
        Assert.That(_charlie.DrainTexts(), Is.EqualTo(new[] { "Bob has left." }));
        Assert.That(_switchboard.Send(_alice.Id, "still here"), Is.EqualTo(SendOutcome.Relayed));
        Assert.That(_charlie.DrainTexts(), Is.EqualTo(new[] { "Alice: still here" }));
    }

    [Test]
    public void WhenOnlyOneIsLeftTheyAreToldAndReleased()
    {
        Drain();
        _switchboard.Leave(_bob.Id);
        _switchboard.Leave(_alice.Id);

        Assert.That(_charlie.DrainTexts(), Is.EqualTo(new[] { "Bob has left.", "Alice has left.", Notices.EveryoneElseLeft }));
        Assert.That(_charlie.StreamEnded(), Is.True);
        Assert.That(_switchboard.Count, Is.Zero);
    }

    [Test]
    public void AFourthPersonWaitsForTheNextRoom()
    {
        var fourth = _switchboard.JoinOrFail(ChatEntry.Three);

        Assert.That(fourth.Room, Is.Null);
        Assert.That(_switchboard.Three.Waiting, Is.EqualTo(new[] { fourth }));
    }

    private void Drain()
    {
        _alice.Drain();
        _bob.Drain();
        _charlie.Drain();
    }
}
