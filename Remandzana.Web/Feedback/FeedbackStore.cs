using System.Globalization;
using Microsoft.Extensions.Options;
using Remandzana.Web.Options;
using Remandzana.Web.Storage;

namespace Remandzana.Web.Feedback;

/// <summary>
/// Feedback as a folder of JSON files, one per entry (<see cref="JsonFolder"/>): written whole or
/// not at all, read as the operator left them.
/// </summary>
public sealed class FeedbackStore(IOptions<FeedbackOptions> options, TimeProvider time, ILogger<FeedbackStore> logger)
{
    // The range DateTimeOffset can show; a hand-edited timestamp outside it is not a date.
    private static readonly long EarliestSecond = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly long LatestSecond = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    private readonly JsonFolder _files = new(options.Value.Directory, options.Value.MaxFileBytes, "Feedback", logger);

    public string Folder => _files.Folder;

    /// <summary>Stores a new, hidden entry; returns the file's path.</summary>
    public Task<string> AddAsync(string message)
    {
        var now = time.GetUtcNow();
        var entry = new FeedbackEntry(
            now.ToUnixTimeSeconds(),
            now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            message,
            Visible: false,
            Reply: null,
            Operator: false);
        return _files.AddAsync(entry, now);
    }

    /// <summary>The entries the operator made visible, newest first.</summary>
    public async Task<IReadOnlyList<FeedbackEntry>> VisibleAsync(CancellationToken cancellation) =>
        (await _files.AllAsync<FeedbackEntry>(entry => entry.Timestamp >= EarliestSecond && entry.Timestamp <= LatestSecond, cancellation))
            .Where(item => item.Entry.Visible)
            .OrderByDescending(item => item.Entry.Timestamp)
            .ThenByDescending(item => item.File, StringComparer.Ordinal)
            .Select(item => item.Entry)
            .ToList();
}
