using System.Globalization;
using Microsoft.Extensions.Options;
using Remandzana.Web.Options;
using Remandzana.Web.Storage;

namespace Remandzana.Web.Feedback;

/// <summary>
/// Feedback as a folder of JSON files, one per entry (<see cref="JsonFolder{T}"/>): written whole or
/// not at all, read as the operator left them, kept in memory and read again only when a file changed.
/// </summary>
public sealed class FeedbackStore
{
    // The range DateTimeOffset can show; a hand-edited timestamp outside it is not a date.
    private static readonly long EarliestSecond = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly long LatestSecond = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    private readonly JsonFolder<FeedbackEntry> _files;
    private readonly TimeProvider _time;
    private readonly TimeSpan _keep;
    private volatile Published? _visible;

    public FeedbackStore(IOptions<FeedbackOptions> options, TimeProvider time, ILogger<FeedbackStore> logger)
    {
        var settings = options.Value;
        _files = new(settings.Directory, settings.MaxFileBytes, settings.MaxFiles, "Feedback", logger, entry => entry.Timestamp >= EarliestSecond && entry.Timestamp <= LatestSecond);
        _time = time;
        _keep = TimeSpan.FromDays(settings.KeepDays);
    }

    public string Folder => _files.Folder;

    /// <summary>Stores a new, hidden entry; returns the file's path, or null when the folder is full (<c>Remandzana:Feedback:MaxFiles</c>).</summary>
    public Task<string?> AddAsync(string message)
    {
        var now = _time.GetUtcNow();
        var entry = new FeedbackEntry(
            now.ToUnixTimeSeconds(),
            now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            message,
            Visible: false,
            Reply: null,
            Operator: false);
        return _files.AddAsync(entry, now);
    }

    /// <summary>The entries the operator made visible, newest first: from memory, sorted once per change of the folder.</summary>
    public IReadOnlyList<FeedbackEntry> Visible()
    {
        var snapshot = _files.Current();
        if (_visible is { } known && ReferenceEquals(known.Of, snapshot))
        {
            return known.Entries;
        }

        var entries = snapshot.Entries
            .Where(item => item.Entry.Visible)
            .OrderByDescending(item => item.Entry.Timestamp)
            .ThenByDescending(item => item.File, StringComparer.Ordinal)
            .Select(item => item.Entry)
            .ToList();
        _visible = new Published(snapshot, entries);
        return entries;
    }

    /// <summary>Every entry for the console, published or not, newest first (the folder is read again for hand edits; only changed files are parsed).</summary>
    public IReadOnlyList<FeedbackView> All() =>
        _files.Rescan().Entries
            .OrderByDescending(item => item.Entry.Timestamp)
            .ThenByDescending(item => item.File, StringComparer.Ordinal)
            .Select(item => new FeedbackView(item.File, item.Entry))
            .ToList();

    /// <summary>The entry in the file named <paramref name="file"/>, when the folder lists that name exactly (never read as a path; the folder is listed again, so a file added by hand is found).</summary>
    public FeedbackView? Find(string? file) =>
        _files.Rescan().Entries
            .Where(item => string.Equals(item.File, file, StringComparison.Ordinal))
            .Select(item => new FeedbackView(item.File, item.Entry))
            .FirstOrDefault();

    /// <summary>Publishes or hides an entry (<c>"visible"</c>), written back to its file; null when the file is not listed.</summary>
    public FeedbackEntry? Show(string file, bool visible) =>
        _files.Update(file, entry => entry.Visible == visible ? null : entry with { Visible = visible });

    /// <summary>Sets the operator's reply to an entry (<c>"reply"</c>), written back to its file; null when the file is not listed.</summary>
    public FeedbackEntry? Reply(string file, string reply) =>
        _files.Update(file, entry => entry with { Reply = reply });

    /// <summary>Deletes an entry's file; false when the file is not listed.</summary>
    public bool Delete(string file) => _files.DeleteListed(file);

    /// <summary>Stores a published operator notice (<c>"operator": true</c>, <c>"visible": true</c>); returns the file's path, or null when the folder is full.</summary>
    public Task<string?> AddNoticeAsync(string text)
    {
        var now = _time.GetUtcNow();
        var entry = new FeedbackEntry(
            now.ToUnixTimeSeconds(),
            now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            text,
            Visible: true,
            Reply: null,
            Operator: true);
        return _files.AddAsync(entry, now);
    }

    /// <summary>Reads the folder again for the operator's edits (only changed files are parsed).</summary>
    public void Rescan() => _files.Rescan();

    /// <summary>Deletes the entries the operator never published that are older than <c>Remandzana:Feedback:KeepDays</c>; returns how many.</summary>
    public int Sweep()
    {
        var before = _time.GetUtcNow() - _keep;
        var old = _files.Rescan().Entries.Where(item => !item.Entry.Visible && item.Entry.At < before).ToList();
        foreach (var (file, _) in old)
        {
            _files.Delete(file);
        }

        return old.Count;
    }

    private sealed record Published(JsonFolder<FeedbackEntry>.Snapshot Of, IReadOnlyList<FeedbackEntry> Entries);
}
