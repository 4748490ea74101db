using Orleans.Runtime;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.Switchboards;
using Remandzana.Web.Moderation;

namespace Remandzana.Web.Cluster;

/// <summary>This instance as the grains see it: where the lines for its people arrive, and where their sends go.</summary>
public sealed class InstanceService(GrainId id, Silo silo, ILoggerFactory logging, Listeners listeners, Chat.Transcripts transcripts, EchoWatch echoes)
    : GrainService(id, silo, logging), IInstanceService
{
    public Task Deliver(PersonDelivery[] deliveries)
    {
        foreach (var delivery in deliveries)
        {
            listeners.Deliver(delivery.ToParcel());
        }

        return Task.CompletedTask;
    }

    public Task Tell(PersonDelivery[] deliveries) => Deliver(deliveries);

    public Task<SendReply> Send(string personId, string? text) => listeners.Send(personId, text);

    public Task<SetupOutcome?> SetupRefusal(string personId, string? question) => Task.FromResult(listeners.SetupRefusal(personId, question));

    public Task Echoes(TextCopy[] copies)
    {
        echoes.Heard(copies);
        return Task.CompletedTask;
    }

    public Task<int[]> PeoplePerEntry() => Task.FromResult(listeners.PerEntry());
    public Task<ReportMaterial> Report(string personId) => listeners.Report(personId);

    public Task<TranscriptMessage?> Transcript(string personId) =>
        Task.FromResult(transcripts.Find(personId) is { } transcript ? TranscriptMessage.Of(transcript) : null);

    public Task<ListenerView[]> People() => Task.FromResult(listeners.All
        .Where(listener => !listener.Left)
        .Select(listener => new ListenerView(
            listener.Id.Value,
            listener.Role.ToString(),
            listener.Entry.ToString(),
            listener.JoinedAt,
            listener.RoomId,
            listener.Question is not null,
            listener.WarnedNotTalking,
            listener.Preferences.Language,
            [.. listener.Preferences.Interests.Tags]))
        .ToArray());
}
