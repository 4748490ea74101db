using System.Globalization;
using System.Net;

namespace Remandzana.Tests.Support;

/// <summary>The TCP addresses a process listens on, as `ss -ltnp` shows them (read from /proc: its socket inodes, the kernel's TCP tables).</summary>
public static class ListeningSockets
{
    private const string Listen = "0A";

    public static IReadOnlyList<IPEndPoint> Of(int processId)
    {
        var sockets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var descriptor in Directory.EnumerateFiles($"/proc/{processId}/fd"))
        {
            try
            {
                if (new FileInfo(descriptor).LinkTarget is { } target && target.StartsWith("socket:[", StringComparison.Ordinal))
                {
                    sockets.Add(target["socket:[".Length..^1]);
                }
            }
            catch (IOException)
            {
                // The descriptor closed while it was read.
            }
        }

        return new[] { "tcp", "tcp6" }
            .SelectMany(table => File.ReadLines($"/proc/{processId}/net/{table}").Skip(1))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields[3] == Listen && sockets.Contains(fields[9]))
            .Select(fields => Endpoint(fields[1]))
            .ToList();
    }

    /// <summary>"0100007F:2B67": the address as the kernel's 32-bit words in host (little-endian) order, then the port.</summary>
    private static IPEndPoint Endpoint(string field)
    {
        var (address, port) = (field[..field.IndexOf(':', StringComparison.Ordinal)], field[(field.IndexOf(':', StringComparison.Ordinal) + 1)..]);
        var bytes = new byte[address.Length / 2];
        for (var word = 0; word < bytes.Length / 4; word++)
        {
            for (var i = 0; i < 4; i++)
            {
                bytes[(word * 4) + i] = byte.Parse(address.AsSpan((word * 8) + ((3 - i) * 2), 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            }
        }

        return new IPEndPoint(new IPAddress(bytes), int.Parse(port, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }
}
