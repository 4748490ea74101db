using Microsoft.Extensions.Time.Testing;
using Remandzana.Domain.Lines;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.People;
using Remandzana.Domain.Switchboards;

namespace Remandzana.Tests.Support;

public static class Switchboards
{
    public static Switchboard New(int mailboxCapacity = 256, int seed = 1, PoliciesByMode? policies = null) =>
        new(new SwitchboardSettings(mailboxCapacity), new FakeTimeProvider(), new Random(seed), policies);

    public static Person JoinOrFail(this Switchboard switchboard, ChatEntry entry) =>
        switchboard.Join(entry) ?? throw new AssertionException("The switchboard refused a join.");

    /// <summary>Takes every line waiting in the person's mailbox, as their page would show them.</summary>
    public static List<Line> Drain(this Person person)
    {
        var lines = new List<Line>();
        while (person.Mailbox.Reader.TryRead(out var line))
        {
            lines.Add(line);
        }

        return lines;
    }

    public static List<string> DrainTexts(this Person person) =>
        person.Drain().Select(line => line switch
        {
            ChatLine chat => $"{chat.From.Name}: {chat.Text}",
            SystemLine notice => notice.Text,
            _ => line.ToString()!,
        }).ToList();

    /// <summary>True once the stream has shown everything and ended.</summary>
    public static bool StreamEnded(this Person person) => person.Mailbox.Reader.Completion.IsCompleted;
}
