using System.Globalization;
using Microsoft.Extensions.Options;
using Remandzana.Domain.People;
using Remandzana.Web.Options;
using Remandzana.Web.Storage;

namespace Remandzana.Web.Reports;

/// <summary>
/// Reports as a folder of JSON files, one per report, like feedback (<see cref="JsonFolder{T}"/>):
/// written whole or not at all, always within <c>MaxFileBytes</c>, read as the operator left them
/// and kept in memory (the bar rescan parses only changed files). A person a report names is kept
/// as a keyed hash of their origin (<see cref="OriginHashes"/>), never as their address or pass.
/// </summary>
public sealed partial class ReportStore
{
    /// <summary>The longest line a report keeps, in characters; a longer one is cut with "…" so that one line cannot push the others out.</summary>
    public const int MaxLineCharacters = 2_000;

    private readonly JsonFolder<ReportEntry> _files;
    private readonly int _maxFileBytes;
    private readonly TimeSpan _barLength;
    private readonly TimeSpan _keep;
    private readonly TimeProvider _time;
    private readonly OriginHashes _hashes;
    private readonly ILogger<ReportStore> _logger;

    public ReportStore(IOptions<ReportsOptions> options, TimeProvider time, OriginHashes hashes, ILogger<ReportStore> logger)
    {
        var settings = options.Value;
        _files = new(settings.Directory, settings.MaxFileBytes, settings.MaxFiles, "Report", logger);
        _maxFileBytes = settings.MaxFileBytes;
        _barLength = TimeSpan.FromDays(settings.BarDays);
        _keep = TimeSpan.FromDays(settings.KeepDays);
        _time = time;
        _hashes = hashes;
        _logger = logger;
    }

    public string Folder => _files.Folder;

    /// <summary>Whether the folder holds <c>Remandzana:Reports:MaxFiles</c> files, so that a new report is refused (logged when it is).</summary>
    public bool RefusesMore() => _files.RefusesMore();

    /// <summary>
    /// Stores a new, open report of <paramref name="reported"/> (each kept as the hash of their
    /// origin) with the lines the reporter read, the oldest dropped if they would not fit
    /// <c>MaxFileBytes</c>; returns the file's path, or null when the folder is full (<c>MaxFiles</c>).
    /// </summary>
    /// <exception cref="OriginHashKeyUnavailableException">The hash key cannot be read just now.</exception>
    public Task<string?> AddAsync(string mode, IEnumerable<(string Name, Origin Origin)> reported, IEnumerable<ReportLine> lines)
    {
        var now = _time.GetUtcNow();
        var entry = Fitted(new ReportEntry(
            now.ToUnixTimeSeconds(),
            now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            mode,
            reported.Select(person => new ReportedEntry(person.Name, _hashes.Of(person.Origin), Bar: false, BarredUntil: null)).ToList(),
            lines.Select(line => line.Text.Length <= MaxLineCharacters ? line : line with { Text = Cut(line.Text) }).ToList(),
            Closed: false));
        return _files.AddAsync(entry, now);
    }

    /// <summary>The reports the operator has not closed, oldest first, for /debug (the folder is read again for edits; only changed files are parsed).</summary>
    public IReadOnlyList<ReportView> Open() =>
        _files.Rescan().Entries
            .Where(item => !item.Entry.Closed)
            .OrderBy(item => item.Entry.Timestamp)
            .ThenBy(item => item.File, StringComparer.Ordinal)
            .Select(item => new ReportView(item.File, item.Entry))
            .ToList();

    /// <summary>
    /// Reads the folder again (only changed files are parsed) and answers the bars the operator set
    /// that still hold at <paramref name="now"/>. A report that still names someone by a raw
    /// address or pass (written by an older version, or by hand) is rewritten with the hash first.
    /// </summary>
    public IReadOnlyList<Bar> Bars(DateTimeOffset now) =>
        Hashed(_files.Rescan())
            .SelectMany(item => BarsIn(item.Entry))
            .Where(bar => bar.Until > now)
            .ToList();

    /// <summary>
    /// Deletes the closed reports older than <c>Remandzana:Reports:KeepDays</c> whose bars have all
    /// ended; returns how many. Closed: the operator set <c>"closed": true</c>, or decided a bar
    /// (<c>"bar": true</c> or a <c>"barredUntil"</c>) on someone it names.
    /// </summary>
    public int Sweep()
    {
        var now = _time.GetUtcNow();
        var old = _files.Rescan().Entries
            .Where(item => IsClosed(item.Entry) && item.Entry.At < now - _keep && BarsIn(item.Entry).All(bar => bar.Until <= now))
            .ToList();
        foreach (var (file, _) in old)
        {
            _files.Delete(file);
        }

        return old.Count;
    }

    public static bool IsClosed(ReportEntry report) =>
        report.Closed || report.Reported.Any(reported => reported.Bar || reported.BarredUntil is not null);

    private IEnumerable<Bar> BarsIn(ReportEntry report) =>
        report.Reported
            .Where(reported => reported.Bar || reported.BarredUntil is not null)
            .Select(reported => new Bar(reported.Origin, reported.BarredUntil ?? report.At + _barLength));

    private IEnumerable<(string File, ReportEntry Entry)> Hashed(JsonFolder<ReportEntry>.Snapshot snapshot)
    {
        foreach (var (file, entry) in snapshot.Entries)
        {
            if (entry.Reported.All(reported => OriginHashes.IsHashed(reported.Origin)))
            {
                yield return (file, entry);
                continue;
            }

            var hashed = entry with { Reported = entry.Reported.Select(reported => reported with { Origin = _hashes.Stored(reported.Origin) }).ToList() };
            if (_files.Replace(file, hashed))
            {
                LogMigrated(file);
            }

            yield return (file, hashed);
        }
    }

    /// <summary>Drops the oldest lines until the file fits <c>MaxFileBytes</c>; if even the names alone would not, the last names go too.</summary>
    private ReportEntry Fitted(ReportEntry entry)
    {
        var size = _files.SizeOf(entry);
        var dropped = 0;
        if (size > _maxFileBytes)
        {
            // Each line as it is written alone, a little less than within the report (indentation, a comma): drop by that, then one by one.
            var excess = size - _maxFileBytes;
            for (var freed = 0; dropped < entry.Lines.Count && freed < excess; dropped++)
            {
                freed += _files.SizeOf(entry.Lines[dropped]);
            }

            entry = entry with { Lines = entry.Lines.Skip(dropped).ToList() };
            size = _files.SizeOf(entry);
        }

        while (size > _maxFileBytes && entry.Lines.Count > 0)
        {
            entry = entry with { Lines = entry.Lines.Skip(1).ToList() };
            dropped++;
            size = _files.SizeOf(entry);
        }

        while (size > _maxFileBytes && entry.Reported.Count > 1)
        {
            entry = entry with { Reported = entry.Reported.Take(entry.Reported.Count - 1).ToList() };
            size = _files.SizeOf(entry);
        }

        if (dropped > 0)
        {
            LogLinesDropped(dropped, _maxFileBytes);
        }

        return entry;
    }

    private static string Cut(string text)
    {
        var end = MaxLineCharacters - 1;
        if (char.IsHighSurrogate(text[end - 1]))
        {
            end--;
        }

        return string.Concat(text.AsSpan(0, end), "…");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Report file {File}: the raw origins it named were replaced by their keyed hash")]
    private partial void LogMigrated(string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "A report dropped its {Lines} oldest lines to fit Remandzana:Reports:MaxFileBytes ({MaxFileBytes})")]
    private partial void LogLinesDropped(int lines, int maxFileBytes);
}
