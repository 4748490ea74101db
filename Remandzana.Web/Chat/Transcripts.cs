using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Remandzana.Domain.People;
using Remandzana.Domain.Transcripts;
using Remandzana.Web.Options;

namespace Remandzana.Web.Chat;

/// <summary>
/// The transcripts of the people whose pages this instance serves, in memory only: each is kept
/// while its page streams and for <see cref="TranscriptOptions.KeepMinutes"/> after, then dropped
/// (a sweep once a minute; a transcript past its time is never served, swept or not).
/// </summary>
public sealed class Transcripts : IDisposable
{
    private readonly ConcurrentDictionary<string, Transcript> _byPerson = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _keep;
    private readonly ITimer? _sweep;

    public Transcripts(IOptions<TranscriptOptions> options, TimeProvider time)
    {
        _time = time;
        KeepMinutes = options.Value.KeepMinutes;
        _keep = TimeSpan.FromMinutes(KeepMinutes);
        IsEnabled = options.Value.Enabled;
        if (IsEnabled)
        {
            _sweep = time.CreateTimer(static state => ((Transcripts)state!).Sweep(), this, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        }
    }

    public bool IsEnabled { get; }

    public int KeepMinutes { get; }

    public int Count => _byPerson.Count;

    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>A new transcript for a person whose page starts here, or null when saving is off.</summary>
    public Transcript? Start(PersonId person, ChatEntry entry)
    {
        if (!IsEnabled)
        {
            return null;
        }

        var transcript = new Transcript(entry, _time.GetUtcNow());
        _byPerson[person.Value] = transcript;
        return transcript;
    }

    /// <summary>Their page stopped streaming: the transcript's time starts running out.</summary>
    public void End(string personId)
    {
        if (_byPerson.TryGetValue(personId, out var transcript))
        {
            transcript.End(_time.GetUtcNow());
        }
    }

    /// <summary>The person's transcript while it is kept, else null.</summary>
    public Transcript? Find(string personId) =>
        _byPerson.TryGetValue(personId, out var transcript) && transcript.IsKept(_time.GetUtcNow(), _keep) ? transcript : null;

    private void Sweep()
    {
        var now = _time.GetUtcNow();
        foreach (var (id, transcript) in _byPerson)
        {
            if (!transcript.IsKept(now, _keep))
            {
                _byPerson.TryRemove(new KeyValuePair<string, Transcript>(id, transcript));
            }
        }
    }

    public void Dispose() => _sweep?.Dispose();
}
