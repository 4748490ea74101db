using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Runtime;
using Remandzana.Domain.Lines;
using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;
using Remandzana.Domain.Transcripts;
using Remandzana.Web.Chat;
using Remandzana.Web.Cluster;
using Remandzana.Web.Grains;
using Remandzana.Web.Metrics;
using Remandzana.Web.Options;
using Remandzana.Web.Reports;
using Remandzana.Web.Security;

namespace Remandzana.Web.Sessions;

/// <summary>
/// The people whose pages this instance serves: lines from the grains land in their mailboxes,
/// and what they send goes from here to their room.
/// </summary>
public sealed partial class LocalSessions(IGrainFactory grains, ILocalSiloDetails silo, IOptions<ChatOptions> chat, IOptions<ReportsOptions> reports, TimeProvider time, Transcripts transcripts, ILogger<LocalSessions> logger, SiteMetrics metrics)
{
    private readonly int _reportLines = reports.Value.Lines;
    private readonly ConcurrentDictionary<string, Session> _byId = new();
    private readonly int _mailboxCapacity = chat.Value.MailboxCapacity;
    private readonly int _maxMessageLength = chat.Value.MaxMessageLength;
    private readonly int _resumeSeconds = chat.Value.ResumeSeconds;

    public SiloAddress Home => silo.SiloAddress;

    public int Count => _byId.Count;

    public ICollection<Session> All => _byId.Values;

    public IMatchmakingGrain Matchmaking => grains.GetGrain<IMatchmakingGrain>(0);

    public IRoomGrain Room(string id) => grains.GetGrain<IRoomGrain>(id);

    public Session? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>A new person whose stream this instance serves.</summary>
    public Session Add(ChatEntry entry, Preferences preferences, Origin? origin = null)
    {
        var id = PersonId.New();
        var joinedAt = time.GetUtcNow();
        // Saving off, the lines are still kept for a report, fewer of them and for no longer than the page.
        var session = new Session(id, entry, joinedAt, preferences, origin ?? Origin.Unknown, new Mailbox(_mailboxCapacity), Home)
        {
            Transcript = transcripts.Start(id, entry) ?? new Transcript(entry, joinedAt, _reportLines),
            Stream = new StreamLease(),
        };
        _byId[session.Id.Value] = session;
        return session;
    }

    /// <summary>Someone handed over from another instance by their resume link: the same person, in the same room, streaming here now.</summary>
    public Session Adopt(PersonId id, Handover handover)
    {
        var entry = (ChatEntry)handover.Entry;
        var session = new Session(id, entry, handover.JoinedAt, new Preferences(handover.Language, Interests.Parse(handover.Interests)), new Origin(handover.Origin), new Mailbox(_mailboxCapacity), Home)
        {
            Transcript = transcripts.Start(id, entry) ?? new Transcript(entry, handover.JoinedAt, _reportLines),
            Stream = new StreamLease(),
            RoomId = handover.RoomId,
            Question = handover.Question,
        };
        _byId[id.Value] = session;
        return session;
    }

    /// <summary>
    /// The stream of <paramref name="lease"/> stopped. Taken over, nothing else happens; gone without
    /// a leave from a room (and holding on), they are held there for their resume link; otherwise they leave.
    /// </summary>
    public async Task StreamEnded(Session session, StreamLease lease, bool clientGone)
    {
        lease.Finish();
        string? room = null;
        lock (session)
        {
            if (!ReferenceEquals(session.Stream, lease))
            {
                return;
            }

            session.Stream = null;
            if (clientGone && _resumeSeconds > 0 && !session.Left && !session.Moving && !session.Mailbox.IsClosed && session.RoomId is { } known)
            {
                session.Held = true;
                room = known;
            }
        }

        lease.Dispose();
        if (room is null || !await Room(room).Drop(session.Id.Value))
        {
            await Leave(session.Id.Value);
        }
    }

    /// <summary>
    /// A resume link for someone whose stream is (or was) here: the key must be the one their session
    /// holds (then it is replaced: the link is spent). A page still streaming is taken over; a held
    /// person is back in their room. Their lines that waited are the first the new page shows.
    /// </summary>
    public async Task<(Session Session, StreamLease Lease)?> Resume(string id, string key)
    {
        if (Find(id) is not { } session)
        {
            return null;
        }

        var lease = new StreamLease();
        StreamLease? old;
        string? room;
        lock (session)
        {
            if (session.Left || session.Moving || !ResumeLinks.SameKey(session.ResumeKey, key))
            {
                lease.Dispose();
                return null;
            }

            session.ResumeKey = ResumeLinks.NewKey();
            old = session.Stream;
            session.Held = false;
            session.Stream = lease;
            room = session.RoomId;
        }

        if (old is not null)
        {
            await old.TakeOver();
        }

        if (room is not null)
        {
            await Room(room).ComeBack(id, Home);
        }

        return (session, lease);
    }

    /// <summary>
    /// The first half of a resume on another instance: checks and spends the key, stops a page still
    /// streaming here, and says who they are. Their lines keep arriving here until <see cref="Drain"/>.
    /// </summary>
    public async Task<Handover?> HandOver(string id, string key)
    {
        if (Find(id) is not { } session)
        {
            return null;
        }

        StreamLease? old;
        lock (session)
        {
            if (session.Left || session.Moving || session.RoomId is null || !ResumeLinks.SameKey(session.ResumeKey, key))
            {
                return null;
            }

            session.Moving = true;
            session.ResumeKey = "";
            session.Held = false;
            old = session.Stream;
            session.Stream = null;
        }

        if (old is not null)
        {
            await old.TakeOver();
        }

        return new Handover(session.RoomId, (int)session.Entry, session.JoinedAt, session.Preferences.Language, session.Preferences.Interests.ToString(), session.Origin.Value, session.Question);
    }

    /// <summary>The second half: the room now sends their lines to the other instance; the ones that waited here go there, and they are forgotten here.</summary>
    public Line[] Drain(string id)
    {
        if (Find(id) is not { Moving: true } session)
        {
            return [];
        }

        var lines = new List<Line>();
        lock (session)
        {
            session.Left = true;
            while (session.Mailbox.Reader.TryRead(out var line))
            {
                lines.Add(line);
            }
        }

        session.Mailbox.Close();
        Forget(session);
        return [.. lines];
    }

    /// <summary>How many people have a page open here, per entry (by its number).</summary>
    public int[] PerEntry()
    {
        var counts = new int[Enum.GetValues<ChatEntry>().Length];
        foreach (var session in _byId.Values)
        {
            if (!session.Left)
            {
                counts[(int)session.Entry]++;
            }
        }

        return counts;
    }

    public void Forget(Session session)
    {
        _byId.TryRemove(session.Id.Value, out _);
        transcripts.End(session.Id.Value);
    }

    /// <summary>Lines from a grain, in order; a person whose conversation ended is forgotten here.</summary>
    public void Deliver(Parcel parcel)
    {
        if (Find(parcel.PersonId) is { } session)
        {
            Deliver(session, parcel);
        }
    }

    /// <summary>
    /// What they were told on joining is in their mailbox; a room that formed meanwhile may have
    /// sent lines already (from another silo, they can overtake the join's answer): they follow now.
    /// </summary>
    public void Joined(Session session)
    {
        List<Parcel>? early;
        lock (session)
        {
            session.Joined = true;
            early = session.Early;
            session.Early = null;
        }

        foreach (var parcel in early ?? [])
        {
            Deliver(session, parcel);
        }
    }

    private void Deliver(Session session, Parcel delivery)
    {
        string? leaveRoom = null;
        lock (session)
        {
            if (!session.Joined)
            {
                (session.Early ??= []).Add(delivery);
                return;
            }

            if (delivery.RoomId is { } room && session.RoomId is null)
            {
                session.RoomId = room;
                leaveRoom = session.Left ? room : null;
            }

            session.Question = delivery.Question ?? session.Question;

            // Under the lock, so lines from two grains never interleave within one delivery.
            foreach (var line in delivery.Lines)
            {
                Post(session, line);
            }
        }

        if (delivery.Ends)
        {
            session.Mailbox.Close();
            Forget(session);
        }
        else if (leaveRoom is not null)
        {
            // They left while their room was forming: now that it is known, they leave it.
            _ = LeaveRoom(session, leaveRoom);
        }
    }

    public void Post(Session session, Line line)
    {
        if (!session.Mailbox.Post(line))
        {
            Stalled(session);
        }
        else if (!session.Mailbox.IsClosed)
        {
            session.Transcript.Add(line, time.GetUtcNow());
        }
    }

    /// <summary>A message from someone whose stream is here: checked here, then to their room.</summary>
    public async Task<SendReply> Send(string id, string? raw)
    {
        if (Find(id) is not { } session)
        {
            return new SendReply(SendOutcome.Departed);
        }

        IRoomGrain room;
        string text;
        lock (session)
        {
            if (session.Left)
            {
                return new SendReply(SendOutcome.Departed);
            }

            if (MessageText.Refusal(session.Role, session.RoomId is not null, raw, _maxMessageLength, out text) is { } refusal)
            {
                if (refusal == SendOutcome.NotInRoomYet && !session.WarnedNotTalking)
                {
                    session.WarnedNotTalking = true;
                    Post(session, new SystemLine(NoticeKind.NotTalkingYet, Notices.NotTalkingYet));
                }

                return new SendReply(refusal);
            }

            room = session.RoomGrain ??= Room(session.RoomId!);
        }

        return await room.Send(id, text);
    }

    /// <summary>
    /// Someone whose stream is here reports their conversation: the lines they were shown, from
    /// here, and whom they reported, from their room (which thanks them and ends their conversation).
    /// </summary>
    public async Task<ReportMaterial> Report(string id)
    {
        if (Find(id) is not { } session)
        {
            return new ReportMaterial(ReportOutcome.Departed);
        }

        IRoomGrain room;
        lock (session)
        {
            if (session.Left)
            {
                return new ReportMaterial(ReportOutcome.Departed);
            }

            if (session.RoomId is not { } known)
            {
                return new ReportMaterial(ReportOutcome.NobodyYet);
            }

            room = session.RoomGrain ??= Room(known);
        }

        var kept = session.Transcript.Lines.TakeLast(_reportLines).ToList();
        var lines = kept.Select(line => new TranscriptLineMessage(line.At, Transcript.TextOf(line.Line))).ToArray();
        var messagesSeen = kept.Count(line => line.Line is ChatLine chat && !GlobalCommand.Is(chat.Text));
        var reported = await room.Report(id, messagesSeen);
        return reported with { Lines = lines };
    }

    /// <summary>Why a question from someone whose stream is here stops before the matchmaker, or null when it may go on.</summary>
    public SetupOutcome? SetupRefusal(string id, string? raw)
    {
        if (Find(id) is not { Left: false } session)
        {
            return SetupOutcome.Departed;
        }

        return session.RoomId is null ? null : MessageText.QuestionFromARoom(raw, _maxMessageLength);
    }

    /// <summary>Their stream ended: out of their lobby or room, and the others are told.</summary>
    public async Task Leave(string id)
    {
        if (Find(id) is not { } session)
        {
            return;
        }

        string? room;
        lock (session)
        {
            if (session.Left || session.Moving)
            {
                return;
            }

            session.Left = true;
            session.Held = false;
            room = session.RoomId;
        }

        session.Mailbox.Close();

        if (room is not null)
        {
            await LeaveRoom(session, room);
        }
        else if (await Matchmaking.Leave(id))
        {
            Forget(session);
        }

        // Otherwise a room took them as they left: its first lines name it, and they leave it then (Deliver).
    }

    private async Task LeaveRoom(Session session, string room)
    {
        try
        {
            await Room(room).Leave(session.Id.Value);
        }
        finally
        {
            Forget(session);
        }
    }

    private void Stalled(Session session)
    {
        if (session.MarkDropped())
        {
            metrics.StreamDroppedForSlowReading();
            _ = LeaveStalled(session.Id.Value);
        }
    }

    private async Task LeaveStalled(string id)
    {
        await Task.Yield();
        try
        {
            await Leave(id);
        }
        catch (Exception e) when (ClusterFailure.Is(e))
        {
            LogStalledLeaveFailed(id, e.Message);
        }
    }

    /// <summary>Ends every stream here with <paramref name="notice"/> (the server is stopping).</summary>
    public void EndAll(string notice)
    {
        foreach (var session in _byId.Values)
        {
            Post(session, new SystemLine(NoticeKind.ServerStopping, notice));
            session.Mailbox.Close();
        }
    }

    /// <summary>Everyone still here leaves their lobby or room, so their partners on other instances are told.</summary>
    public async Task LeaveAll()
    {
        var leaving = _byId.Keys.Select(async id =>
        {
            try
            {
                await Leave(id);
            }
            catch (Exception e) when (ClusterFailure.Is(e))
            {
                LogStalledLeaveFailed(id, e.Message);
            }
        });
        await Task.WhenAll(leaving);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Person {PersonId} left, but their room or lobby could not be told: {Reason}")]
    private partial void LogStalledLeaveFailed(string personId, string reason);
}
