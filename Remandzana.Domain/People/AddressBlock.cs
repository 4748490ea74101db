using System.Net;
using System.Net.Sockets;

namespace Remandzana.Domain.People;

/// <summary>
/// The client addresses that count as one visitor for every per-address limit: an IPv4 address
/// as it is; an IPv6 address's network prefix (a /64 unless configured otherwise), since one
/// home connection is given a whole /64 and may use any address in it; but a Tor circuit's
/// address (<see cref="TorCircuits"/>) whole, since the onion service's nginx gives each circuit
/// its own address in that /64.
/// </summary>
public readonly record struct AddressBlock
{
    /// <summary>The addresses Tor gives its circuits with <c>HiddenServiceExportCircuitID haproxy</c>: the circuit id in the last 32 bits.</summary>
    public static readonly IPNetwork TorCircuits = IPNetwork.Parse("fc00:dead:beef:4dad::/64");

    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    private static readonly IPNetwork Teredo = IPNetwork.Parse("2001::/32");

    private AddressBlock(IPNetwork network) => Network = network;

    public IPNetwork Network { get; }

    /// <summary>
    /// The block <paramref name="address"/> is counted in, however it was spelled: an IPv4-mapped
    /// IPv6 address is its IPv4 address, and a zone id (<c>%eth0</c>) is no part of it.
    /// </summary>
    /// <param name="ipv6PrefixLength">How many leading bits of an IPv6 address name its visitor (1–128; 128: every address alone).</param>
    public static AddressBlock Of(IPAddress address, int ipv6PrefixLength)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentOutOfRangeException.ThrowIfLessThan(ipv6PrefixLength, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ipv6PrefixLength, 128);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        else if (TunnelledIPv4(address) is { } tunnelled)
        {
            address = tunnelled;
        }

        // The bytes alone: a new address from them has no zone id, which IPAddress.Equals would compare.
        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return new AddressBlock(new IPNetwork(new IPAddress(bytes), 32));
        }

        var prefix = TorCircuits.Contains(new IPAddress(bytes)) ? 128 : ipv6PrefixLength;
        for (var bit = prefix; bit < 128; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }

        return new AddressBlock(new IPNetwork(new IPAddress(bytes), prefix));
    }

    /// <summary>
    /// The IPv4 address behind a tunnel's IPv6 address, which is the visitor: 6to4 (<c>2002::/16</c>)
    /// gives one IPv4 address a whole /48, 65,536 blocks of /64; Teredo (<c>2001::/32</c>) puts every
    /// client of one Teredo server in one /64, its own IPv4 address (inverted) in the last 32 bits.
    /// </summary>
    private static IPAddress? TunnelledIPv4(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return null;
        }

        var bytes = address.GetAddressBytes();
        if (SixToFour.Contains(address))
        {
            return new IPAddress(bytes.AsSpan(2, 4));
        }

        if (Teredo.Contains(address))
        {
            return new IPAddress([(byte)~bytes[12], (byte)~bytes[13], (byte)~bytes[14], (byte)~bytes[15]]);
        }

        return null;
    }

    /// <summary>One address as it is (<c>203.0.113.7</c>, <c>fc00:dead:beef:4dad::2a</c>), a block of several as a prefix (<c>2001:db8:1:2::/64</c>).</summary>
    public override string ToString() =>
        Network.PrefixLength == (Network.BaseAddress.AddressFamily == AddressFamily.InterNetwork ? 32 : 128)
            ? Network.BaseAddress.ToString()
            : Network.ToString();
}
