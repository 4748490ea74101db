using System.Net;
using Remandzana.Domain.People;

namespace Remandzana.Tests.Domain;

[Category("Domain")]
public sealed class AddressBlocks
{
    private static AddressBlock Of(string address, int prefix = 64) => AddressBlock.Of(IPAddress.Parse(address), prefix);

    [Test]
    public void EveryAddressOfOneSlash64IsOneVisitor()
    {
        var blocks = Enumerable.Range(1, 30).Select(host => Of($"2001:db8:1:2::{host:x}")).Append(Of("2001:db8:1:2:ffff:ffff:ffff:ffff")).Distinct().ToList();

        Assert.That(blocks, Has.Count.EqualTo(1));
        Assert.That(blocks[0].ToString(), Is.EqualTo("2001:db8:1:2::/64"));
    }

    [Test]
    public void A6to4ClientIsItsIPv4AddressNotTheSixtyFiveThousandSlash64sItsPrefixHolds()
    {
        // 2002:cb00:7107::/48 belongs to whoever holds 203.0.113.7.
        var blocks = new[] { "2002:cb00:7107::1", "2002:cb00:7107:1::1", "2002:cb00:7107:ffff::1" }.Select(address => Of(address)).Distinct().ToList();

        Assert.That(blocks, Has.Count.EqualTo(1));
        Assert.That(blocks[0], Is.EqualTo(Of("203.0.113.7")));
        Assert.That(Of("2002:cb00:7108::1"), Is.Not.EqualTo(blocks[0]), "the next IPv4 address is somebody else");
    }

    [Test]
    public void TeredoClientsOfOneServerAreTheirOwnIPv4AddressesNotOneSlash64()
    {
        // Server 65.54.227.120; the client's address is its IPv4 address inverted in the last 32 bits.
        var first = Of("2001:0:4136:e378:8000:63bf:3fff:fdd2");
        var second = Of("2001:0:4136:e378:8000:63bf:3fff:fdd3");

        Assert.That(first, Is.EqualTo(Of("192.0.2.45")));
        Assert.That(second, Is.Not.EqualTo(first), "another client of the same server");
    }

    [Test]
    public void TheNeighbouringSlash64IsAnotherVisitor() =>
        Assert.That(Of("2001:db8:1:3::1"), Is.Not.EqualTo(Of("2001:db8:1:2::1")));

    [TestCase("2001:DB8::1")]
    [TestCase("2001:db8:0::1")]
    [TestCase("2001:0db8:0000:0000:0000:0000:0000:0001")]
    [TestCase("2001:db8::1%7")]
    [TestCase("2001:db8::0.0.0.1")]
    public void EverySpellingOfAnAddressIsTheSameVisitorEvenAddressByAddress(string spelling)
    {
        Assert.That(Of(spelling, prefix: 128), Is.EqualTo(Of("2001:db8::1", prefix: 128)));
        Assert.That(Of(spelling, prefix: 128).GetHashCode(), Is.EqualTo(Of("2001:db8::1", prefix: 128).GetHashCode()));
        Assert.That(Of(spelling, prefix: 128).ToString(), Is.EqualTo("2001:db8::1"));
        Assert.That(Of(spelling), Is.EqualTo(Of("2001:db8::1")));
    }

    [Test]
    public void AZoneIdNeverMakesAnotherVisitor()
    {
        var scoped = IPAddress.Parse("fe80::1");
        scoped.ScopeId = 3;

        Assert.That(AddressBlock.Of(scoped, 128), Is.EqualTo(Of("fe80::1", prefix: 128)));
    }

    [Test]
    public void APrefixOf128CountsEveryAddressAlone() =>
        Assert.That(Of("2001:db8:1:2::1", prefix: 128), Is.Not.EqualTo(Of("2001:db8:1:2::2", prefix: 128)));

    [Test]
    public void AShorterPrefixFoldsAWholeSite()
    {
        Assert.That(Of("2001:db8:1:2::1", prefix: 48), Is.EqualTo(Of("2001:db8:1:ff00::9", prefix: 48)));
        Assert.That(Of("2001:db8:1:2::1", prefix: 56).ToString(), Is.EqualTo("2001:db8:1::/56"));
        Assert.That(Of("2001:db8:1:2::1", prefix: 61).ToString(), Is.EqualTo("2001:db8:1::/61"), "a prefix within a byte");
    }

    [Test]
    public void TwoTorCircuitsAreTwoVisitorsWhateverThePrefix()
    {
        var first = Of("fc00:dead:beef:4dad::0:1");
        var second = Of("fc00:dead:beef:4dad::0:2");

        Assert.That(first, Is.Not.EqualTo(second));
        Assert.That(first.ToString(), Is.EqualTo("fc00:dead:beef:4dad::1"));
        Assert.That(Of("FC00:DEAD:BEEF:4DAD:0:0:0:1"), Is.EqualTo(first), "a circuit however it is spelled");
        Assert.That(Of("fc00:dead:beef:4dad::1:2a", prefix: 48), Is.Not.EqualTo(Of("fc00:dead:beef:4dad::1:2b", prefix: 48)));
    }

    [Test]
    public void OnlyTorsOwnSlash64IsKeptWhole() =>
        Assert.That(Of("fc00:dead:beef:4dae::1"), Is.EqualTo(Of("fc00:dead:beef:4dae::2")), "an address next to Tor's is an ordinary IPv6 address");

    [Test]
    public void AnIPv4AddressIsItselfAndAMappedOneIsThatIPv4Address()
    {
        Assert.That(Of("203.0.113.7").ToString(), Is.EqualTo("203.0.113.7"));
        Assert.That(Of("::ffff:203.0.113.7"), Is.EqualTo(Of("203.0.113.7")));
        Assert.That(Of("203.0.113.7"), Is.Not.EqualTo(Of("203.0.113.8")), "IPv4 addresses are never folded");
    }

    [TestCase(0)]
    [TestCase(129)]
    public void APrefixOutsideAnIPv6AddressIsRefused(int prefix) =>
        Assert.That(() => Of("2001:db8::1", prefix), Throws.InstanceOf<ArgumentOutOfRangeException>());
}
