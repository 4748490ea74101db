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

    /// <summary>
    /// The reports for the console, newest first: the open ones, or the closed ones (see
    /// <see cref="IsClosed"/>) to reopen. The folder is read again for hand edits (only changed files are parsed).
    /// </summary>
    public IReadOnlyList<ReportView> Listed(bool closed) =>
        _files.Rescan().Entries
            .Where(item => IsClosed(item.Entry) == closed)
            .OrderByDescending(item => item.Entry.Timestamp)
            .ThenByDescending(item => item.File, StringComparer.Ordinal)
            .Select(item => new ReportView(item.File, item.Entry))
            .ToList();

    /// <summary>The report in the file named <paramref name="file"/>, when the folder lists that name exactly (never read as a path; the folder is listed again, so a file added by hand is found).</summary>
    public ReportView? Find(string? file) =>
        _files.Rescan().Entries
            .Where(item => string.Equals(item.File, file, StringComparison.Ordinal))
            .Select(item => new ReportView(item.File, item.Entry))
            .FirstOrDefault();

    /// <summary>When the bar on <paramref name="person"/> ends (past or not), or null when none was decided.</summary>
    public DateTimeOffset? BarEnd(ReportEntry report, ReportedEntry person) =>
        person.Bar || person.BarredUntil is not null ? person.BarredUntil ?? report.At + _barLength : null;

    /// <summary>
    /// Bars the <paramref name="person"/>-th name of a report until <paramref name="until"/>, set by
    /// <paramref name="by"/>: written back to its file (<c>"bar": true</c>, <c>"barredUntil"</c>,
    /// <c>"barredBy"</c>). Null when the file is not listed or that name is not in it with <paramref name="origin"/>
    /// (the file was edited since the page was read).
    /// </summary>
    public ReportEntry? Bar(string file, int person, string origin, DateTimeOffset until, string by) =>
        ChangePerson(file, person, origin, reported => reported with { Bar = true, BarredUntil = until, BarredBy = by });

    /// <summary>Ends the bar on the <paramref name="person"/>-th name now (<c>"barredUntil"</c> becomes now, so the file still says it was barred); null as for <see cref="Bar"/>.</summary>
    public ReportEntry? Lift(string file, int person, string origin, string by)
    {
        var now = _time.GetUtcNow();
        return ChangePerson(file, person, origin, reported => reported with { Bar = true, BarredUntil = now, BarredBy = by });
    }

    /// <summary>Closes a report (<c>"closed": true</c>) without a bar; null when the file is not listed.</summary>
    public ReportEntry? Dismiss(string file) =>
        _files.Update(file, report => report.Closed ? null : report with { Closed = true });

    /// <summary>
    /// Opens a closed report again: <c>"closed": false</c>, and the bars in it that have ended are
    /// forgotten (a bar still in force keeps it closed: lift it first). Null when the file is not listed.
    /// </summary>
    public ReportEntry? Reopen(string file)
    {
        var now = _time.GetUtcNow();
        return _files.Update(file, report => report with
        {
            Closed = false,
            Reported = report.Reported
                .Select(reported => BarEnd(report, reported) is { } end && end <= now ? reported with { Bar = false, BarredUntil = null, BarredBy = null } : reported)
                .ToList(),
        });
    }

    /// <summary>Every bar in this folder's reports still in force at <paramref name="now"/>, the latest to end first.</summary>
    public IReadOnlyList<BarInForce> InForce(DateTimeOffset now) =>
        _files.Rescan().Entries
            .SelectMany(item => item.Entry.Reported.Select((person, index) => (item.File, item.Entry, Person: person, Index: index)))
            .Select(each => (each.File, each.Entry, each.Person, each.Index, Until: BarEnd(each.Entry, each.Person)))
            .Where(each => each.Until > now)
            .OrderByDescending(each => each.Until)
            .ThenBy(each => each.File, StringComparer.Ordinal)
            .Select(each => new BarInForce(each.File, each.Index, each.Person.Name, each.Person.Origin, each.Until!.Value, each.Person.BarredBy, each.Entry.At))
            .ToList();

    private ReportEntry? ChangePerson(string file, int person, string origin, Func<ReportedEntry, ReportedEntry> change)
    {
        var found = true;
        var changed = _files.Update(file, report =>
        {
            if (person < 0 || person >= report.Reported.Count || !string.Equals(report.Reported[person].Origin, origin, StringComparison.Ordinal))
            {
                found = false;
                return null;
            }

            var reported = report.Reported.ToList();
            reported[person] = change(reported[person]);
            return report with { Reported = reported };
        });
        return found ? changed : null;
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

            // Read again under the folder's lock: a console action written since the rescan is kept.
            var migrated = false;
            var hashed = _files.Update(file, current =>
            {
                if (current.Reported.All(reported => OriginHashes.IsHashed(reported.Origin)))
                {
                    return null;
                }

                migrated = true;
                return current with { Reported = current.Reported.Select(reported => reported with { Origin = _hashes.Stored(reported.Origin) }).ToList() };
            });
            if (hashed is null)
            {
                continue;
            }

            if (migrated)
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
