using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Runtime;
using Remandzana.Domain.Lines;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;
using Remandzana.Domain.Switchboards;
using Remandzana.Domain.Transcripts;
using Remandzana.Web.Metrics;
using Remandzana.Web.Chat;
using Remandzana.Web.Options;
using Remandzana.Web.Reports;

namespace Remandzana.Web.Cluster;

/// <summary>
/// The people whose pages this instance serves: lines from the grains land in their mailboxes,
/// and what they send goes from here to their room.
/// </summary>
public sealed partial class Listeners(IGrainFactory grains, ILocalSiloDetails silo, IOptions<ChatOptions> chat, PoliciesByMode policies, EchoLimits echoes, IOptions<ReportsOptions> reports, TimeProvider time, Transcripts transcripts, ILogger<Listeners> logger, SiteMetrics metrics)
{
    private readonly int _reportLines = reports.Value.Lines;
    private readonly bool _countsEchoes = policies.CountsEchoes;
    private readonly ConcurrentDictionary<string, Listener> _byId = new();
    private readonly int _mailboxCapacity = chat.Value.MailboxCapacity;
    private readonly int _maxMessageLength = chat.Value.MaxMessageLength;

    public SiloAddress Home => silo.SiloAddress;

    public int Count => _byId.Count;

    public ICollection<Listener> All => _byId.Values;

    public IMatchmakingGrain Matchmaking => grains.GetGrain<IMatchmakingGrain>(0);

    public IRoomGrain Room(string id) => grains.GetGrain<IRoomGrain>(id);

    public Listener? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>A new person whose stream this instance serves.</summary>
    public Listener Add(ChatEntry entry, Preferences preferences, Origin? origin = null)
    {
        var id = PersonId.New();
        var joinedAt = time.GetUtcNow();
        // Saving off, the lines are still kept for a report, fewer of them and for no longer than the page.
        var listener = new Listener(id, entry, joinedAt, preferences, origin ?? Origin.Unknown, new Mailbox(_mailboxCapacity), Home)
        {
            Transcript = transcripts.Start(id, entry) ?? new Transcript(entry, joinedAt, _reportLines),
        };
        _byId[listener.Id.Value] = listener;
        return listener;
    }

    /// <summary>How many people have a page open here, per entry (by its number).</summary>
    public int[] PerEntry()
    {
        var counts = new int[Enum.GetValues<ChatEntry>().Length];
        foreach (var listener in _byId.Values)
        {
            if (!listener.Left)
            {
                counts[(int)listener.Entry]++;
            }
        }

        return counts;
    }

    public void Forget(Listener listener)
    {
        _byId.TryRemove(listener.Id.Value, out _);
        transcripts.End(listener.Id.Value);
    }

    /// <summary>Lines from a grain, in order; a person whose conversation ended is forgotten here.</summary>
    public void Deliver(Parcel parcel)
    {
        if (Find(parcel.PersonId) is { } listener)
        {
            Deliver(listener, parcel);
        }
    }

    /// <summary>
    /// What they were told on joining is in their mailbox; a room that formed meanwhile may have
    /// sent lines already (from another silo, they can overtake the join's answer): they follow now.
    /// </summary>
    public void Joined(Listener listener)
    {
        List<Parcel>? early;
        lock (listener)
        {
            listener.Joined = true;
            early = listener.Early;
            listener.Early = null;
        }

        foreach (var parcel in early ?? [])
        {
            Deliver(listener, parcel);
        }
    }

    private void Deliver(Listener listener, Parcel delivery)
    {
        string? leaveRoom = null;
        lock (listener)
        {
            if (!listener.Joined)
            {
                (listener.Early ??= []).Add(delivery);
                return;
            }

            if (delivery.RoomId is { } room && listener.RoomId is null)
            {
                listener.RoomId = room;
                leaveRoom = listener.Left ? room : null;
            }

            listener.Question = delivery.Question ?? listener.Question;

            // Under the lock, so lines from two grains never interleave within one delivery.
            foreach (var line in delivery.Lines)
            {
                Post(listener, line);
            }
        }

        if (delivery.Ends)
        {
            listener.Mailbox.Close();
            Forget(listener);
        }
        else if (leaveRoom is not null)
        {
            // They left while their room was forming: now that it is known, they leave it.
            _ = LeaveRoom(listener, leaveRoom);
        }
    }

    public void Post(Listener listener, Line line)
    {
        if (!listener.Mailbox.Post(line))
        {
            Stalled(listener);
        }
        else if (!listener.Mailbox.IsClosed)
        {
            listener.Transcript.Add(line, time.GetUtcNow());
        }
    }

    /// <summary>A message from someone whose stream is here: checked here, then to their room.</summary>
    public async Task<SendReply> Send(string id, string? raw)
    {
        if (Find(id) is not { } listener)
        {
            return new SendReply(SendOutcome.Departed);
        }

        IRoomGrain room;
        string text;
        string roomId;
        lock (listener)
        {
            if (listener.Left)
            {
                return new SendReply(SendOutcome.Departed);
            }

            if (MessageText.Refusal(listener.Role, listener.RoomId is not null, raw, _maxMessageLength, out text) is { } refusal)
            {
                if (refusal == SendOutcome.NotInRoomYet && !listener.WarnedNotTalking)
                {
                    listener.WarnedNotTalking = true;
                    Post(listener, new SystemLine(NoticeKind.NotTalkingYet, Notices.NotTalkingYet));
                }

                return new SendReply(refusal);
            }

            var known = listener.RoomId!;

            room = listener.RoomGrain ??= Room(known);
            roomId = known;
        }

        return await room.Send(id, text, await EchoOf(listener.Origin, roomId, text));
    }

    /// <summary>
    /// What copies of <paramref name="text"/> elsewhere say. Only texts long enough to be an
    /// advert cost a call (to the grain that counts that text's copies); greetings cost nothing.
    /// </summary>
    private async ValueTask<Echo> EchoOf(Origin origin, string roomId, string text)
    {
        if (!_countsEchoes || EchoKey.Of(text, echoes.MinLength) is not { } key)
        {
            return Echo.None;
        }

        return await grains.GetGrain<ITextEchoGrain>(TextEchoGrain.BucketOf(key)).Observe(origin.Value, roomId, key);
    }

    /// <summary>
    /// Someone whose stream is here reports their conversation: the lines they were shown, from
    /// here, and whom they reported, from their room (which thanks them and ends their conversation).
    /// </summary>
    public async Task<ReportMaterial> Report(string id)
    {
        if (Find(id) is not { } listener)
        {
            return new ReportMaterial(ReportOutcome.Departed);
        }

        IRoomGrain room;
        lock (listener)
        {
            if (listener.Left)
            {
                return new ReportMaterial(ReportOutcome.Departed);
            }

            if (listener.RoomId is not { } known)
            {
                return new ReportMaterial(ReportOutcome.NobodyYet);
            }

            room = listener.RoomGrain ??= Room(known);
        }

        var kept = listener.Transcript.Lines.TakeLast(_reportLines).ToList();
        var lines = kept.Select(line => new TranscriptLineMessage(line.At, Transcript.TextOf(line.Line))).ToArray();
        var messagesSeen = kept.Count(line => line.Line is ChatLine chat && !GlobalCommand.Is(chat.Text));
        var reported = await room.Report(id, messagesSeen);
        return reported with { Lines = lines };
    }

    /// <summary>Why a question from someone whose stream is here stops before the matchmaker, or null when it may go on.</summary>
    public SetupOutcome? SetupRefusal(string id, string? raw)
    {
        if (Find(id) is not { Left: false } listener)
        {
            return SetupOutcome.Departed;
        }

        return listener.RoomId is null ? null : MessageText.QuestionFromARoom(raw, _maxMessageLength);
    }

    /// <summary>Their stream ended: out of their lobby or room, and the others are told.</summary>
    public async Task Leave(string id)
    {
        if (Find(id) is not { } listener)
        {
            return;
        }

        string? room;
        lock (listener)
        {
            if (listener.Left)
            {
                return;
            }

            listener.Left = true;
            room = listener.RoomId;
        }

        listener.Mailbox.Close();

        if (room is not null)
        {
            await LeaveRoom(listener, room);
        }
        else if (await Matchmaking.Leave(id))
        {
            Forget(listener);
        }

        // Otherwise a room took them as they left: its first lines name it, and they leave it then (Deliver).
    }

    private async Task LeaveRoom(Listener listener, string room)
    {
        try
        {
            await Room(room).Leave(listener.Id.Value);
        }
        finally
        {
            Forget(listener);
        }
    }

    private void Stalled(Listener listener)
    {
        if (listener.MarkDropped())
        {
            metrics.StreamDroppedForSlowReading();
            _ = LeaveStalled(listener.Id.Value);
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
        foreach (var listener in _byId.Values)
        {
            Post(listener, new SystemLine(NoticeKind.ServerStopping, notice));
            listener.Mailbox.Close();
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
