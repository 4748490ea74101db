using Orleans;
using Orleans.Concurrency;
using Orleans.Services;
using Remandzana.Domain.Lines;
using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Domain.Moderation;
using Remandzana.Web.Grains;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Cluster;

/// <summary>One per instance (a grain service on each silo): it holds the streams of the people whose pages it serves.</summary>
public partial interface IInstanceService : IGrainService
{
    /// <summary>Lines for people here, in order; rooms do not wait for it.</summary>
    [OneWay]
    Task Deliver(PersonDelivery[] deliveries);

    /// <summary>The same, when the caller must know they arrived before it goes on.</summary>
    Task Tell(PersonDelivery[] deliveries);

    /// <summary>A message posted to another instance for someone whose stream is here.</summary>
    Task<SendReply> Send(string personId, string? text);

    /// <summary>Why a question for someone whose stream is here stops before the matchmaker, or null when it goes on.</summary>
    Task<SetupOutcome?> SetupRefusal(string personId, string? question);

    /// <summary>A report from someone whose stream is here (their transcript is here).</summary>
    Task<ReportMaterial> Report(string personId);

    /// <summary>The transcript of someone whose stream is (or was, a few minutes ago) here, or null when it is not kept.</summary>
    Task<TranscriptMessage?> Transcript(string personId);

    /// <summary>A resume link for someone whose stream is (or was) here reached another instance: checks and spends its key, stops their page here; null when the link does not resume anyone.</summary>
    Task<Handover?> HandOver(string personId, string key);

    /// <summary>After <see cref="HandOver"/> and their room's move: the lines that waited here, and they are forgotten here.</summary>
    Task<Line[]> Drain(string personId);

    /// <summary>They ended their conversation on purpose ("Yes, end it") from a page served here: they leave at once.</summary>
    Task Leave(string personId);

    /// <summary>The people whose streams are here, for the debug view.</summary>
    Task<SessionView[]> People();

    /// <summary>Copies of texts judged on another instance since its last batch, for this one's echo count (<see cref="Moderation.EchoWatch"/>).</summary>
    [OneWay]
    Task Echoes(TextCopy[] copies);

    /// <summary>The operator changed a bar or a feedback file from another instance's console: read it again now (<see cref="OperatorChanges"/>).</summary>
    [OneWay]
    Task OperatorChanged(OperatorChange change);

    /// <summary>How many people have a chat page open here, per <see cref="Remandzana.Domain.People.ChatEntry"/> (by its number).</summary>
    Task<int[]> PeoplePerEntry();

    /// <summary>This instance's numbers for the console's overview.</summary>
    Task<Operator.InstanceFigures> Figures();
}
