using Orleans.Runtime;
using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Domain.Moderation;
using Remandzana.Web.Grains;
using Remandzana.Web.Moderation;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Cluster;

/// <summary>This instance as the grains see it: where the lines for its people arrive, and where their sends go.</summary>
public sealed partial class InstanceService(GrainId id, Silo silo, ILoggerFactory logging, LocalSessions sessions, Chat.Transcripts transcripts, EchoWatch echoes, Operator.ThisInstance here, IServiceProvider services)
    : GrainService(id, silo, logging), IInstanceService
{
    public Task Deliver(PersonDelivery[] deliveries)
    {
        foreach (var delivery in deliveries)
        {
            sessions.Deliver(delivery.ToParcel());
        }

        return Task.CompletedTask;
    }

    public Task Tell(PersonDelivery[] deliveries) => Deliver(deliveries);

    public Task<SendReply> Send(string personId, string? text) => sessions.Send(personId, text);

    public Task<SetupOutcome?> SetupRefusal(string personId, string? question) => Task.FromResult(sessions.SetupRefusal(personId, question));

    public Task Echoes(TextCopy[] copies)
    {
        echoes.Heard(copies);
        return Task.CompletedTask;
    }

    public Task<Handover?> HandOver(string personId, string key) => sessions.HandOver(personId, key);

    public Task<Domain.Lines.Line[]> Drain(string personId) => Task.FromResult(sessions.Drain(personId));

    public Task Leave(string personId) => sessions.Leave(personId);

    public Task OperatorChanged(OperatorChange change)
    {
        // Looked up when needed: a cluster built for the switchboard alone (the contract tests) has no reports or feedback.
        if (change == OperatorChange.Bars)
        {
            services.GetService<Reports.Bars>()?.Wake();
        }
        else
        {
            services.GetService<Feedback.FeedbackStore>()?.Rescan();
        }

        return Task.CompletedTask;
    }

    public Task<int[]> PeoplePerEntry() => Task.FromResult(sessions.PerEntry());

    public Task<Operator.InstanceFigures> Figures() => Task.FromResult(here.Figures());
    public Task<ReportMaterial> Report(string personId) => sessions.Report(personId);

    public Task<TranscriptMessage?> Transcript(string personId) =>
        Task.FromResult(transcripts.Find(personId) is { } transcript ? TranscriptMessage.Of(transcript) : null);

    public Task<SessionView[]> People() => Task.FromResult(sessions.All
        .Where(session => !session.Left)
        .Select(session => new SessionView(
            session.Id.Value,
            session.Role.ToString(),
            session.Entry.ToString(),
            session.JoinedAt,
            session.RoomId,
            session.Question is not null,
            session.WarnedNotTalking,
            session.Preferences.Language,
            [.. session.Preferences.Interests.Tags]))
        .ToArray());
}
