using System.Globalization;
using Microsoft.Extensions.Options;
using Remandzana.Web.Options;
using Remandzana.Web.Storage;

namespace Remandzana.Web.Reports;

/// <summary>
/// Reports as a folder of JSON files, one per report, like feedback (<see cref="JsonFolder"/>):
/// written whole or not at all, read as the operator left them.
/// </summary>
public sealed class ReportStore(IOptions<ReportsOptions> options, TimeProvider time, ILogger<ReportStore> logger)
{
    private readonly JsonFolder _files = new(options.Value.Directory, options.Value.MaxFileBytes, "Report", logger);
    private readonly TimeSpan _barLength = TimeSpan.FromDays(options.Value.BarDays);

    public string Folder => _files.Folder;

    /// <summary>Stores a new, open report; returns the file's path.</summary>
    public Task<string> AddAsync(string mode, IEnumerable<ReportedEntry> reported, IEnumerable<ReportLine> lines)
    {
        var now = time.GetUtcNow();
        var entry = new ReportEntry(
            now.ToUnixTimeSeconds(),
            now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            mode,
            reported.ToList(),
            lines.ToList(),
            Closed: false);
        return _files.AddAsync(entry, now);
    }

    /// <summary>The reports the operator has not closed, oldest first, for /debug.</summary>
    public async Task<IReadOnlyList<ReportView>> OpenAsync(CancellationToken cancellation) =>
        (await AllAsync(cancellation)).Where(view => !view.Report.Closed).OrderBy(view => view.Report.Timestamp).ThenBy(view => view.File, StringComparer.Ordinal).ToList();

    /// <summary>The bars the operator set in the report files that still hold at <paramref name="now"/>.</summary>
    public async Task<IReadOnlyList<Bar>> BarsAsync(DateTimeOffset now, CancellationToken cancellation) =>
        (await AllAsync(cancellation))
            .SelectMany(view => view.Report.Reported
                .Where(reported => reported.Bar || reported.BarredUntil is not null)
                .Select(reported => new Bar(reported.Origin, reported.BarredUntil ?? view.Report.At + _barLength)))
            .Where(bar => bar.Until > now)
            .ToList();

    private async Task<List<ReportView>> AllAsync(CancellationToken cancellation) =>
        (await _files.AllAsync<ReportEntry>(cancellation: cancellation)).Select(item => new ReportView(item.File, item.Entry)).ToList();
}
