using Remandzana.Domain.Lines;
using Remandzana.Web.Cluster;
using Remandzana.Web.Grains;
using Remandzana.Web.Sessions;

namespace Remandzana.Tests.Support;

/// <summary>Reads a person's mailbox as their stream would, waiting for lines that another instance relays.</summary>
public static class MailboxReading
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>The next line, as "Name: text" for chat and the text for notices.</summary>
    public static async Task<string> Next(this Session person)
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            if (!await person.Mailbox.Reader.WaitToReadAsync(timeout.Token))
            {
                Assert.Fail($"The stream of {person.Id} ended while a line was awaited.");
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"No line came for {person.Id} within {Patience.TotalSeconds} s.");
        }

        person.Mailbox.Reader.TryRead(out var line);
        return Text(line!);
    }

    /// <summary>The next <paramref name="count"/> lines.</summary>
    public static async Task<List<string>> Next(this Session person, int count)
    {
        var lines = new List<string>();
        for (var i = 0; i < count; i++)
        {
            lines.Add(await person.Next());
        }

        return lines;
    }

    /// <summary>Reads until a line equal to <paramref name="expected"/>, returning every line read.</summary>
    public static async Task<List<string>> Until(this Session person, string expected)
    {
        var lines = new List<string>();
        while (lines.Count == 0 || lines[^1] != expected)
        {
            lines.Add(await person.Next());
        }

        return lines;
    }

    /// <summary>Waits until the stream ends, returning the lines it still showed.</summary>
    public static async Task<List<string>> UntilEnded(this Session person)
    {
        var lines = new List<string>();
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await foreach (var line in person.Mailbox.Reader.ReadAllAsync(timeout.Token))
            {
                lines.Add(Text(line));
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The stream of {person.Id} did not end within {Patience.TotalSeconds} s. Lines: {string.Join(" | ", lines)}");
        }

        return lines;
    }

    /// <summary>Takes every line already waiting, without waiting for more.</summary>
    public static List<Line> Drain(this Session person)
    {
        var lines = new List<Line>();
        while (person.Mailbox.Reader.TryRead(out var line))
        {
            lines.Add(line);
        }

        return lines;
    }

    private static string Text(Line line) => line switch
    {
        ChatLine chat => $"{chat.From.Name}: {chat.Text}",
        SystemLine notice => notice.Text,
        _ => line.ToString()!,
    };
}
