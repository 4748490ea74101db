using System.Globalization;
using Remandzana.Domain.People;

namespace Remandzana.Web.Reports;

public sealed partial class ReportStore
{
    /// <summary>Bars everyone report <paramref name="file"/> names until <paramref name="until"/> (a later bar already set stays); false when the report is gone.</summary>
    public bool BarEveryoneNamed(string file, DateTimeOffset until) =>
        _files.Update(file, report => report with
        {
            Reported = [.. report.Reported.Select(reported => reported with { BarredUntil = Later(reported.BarredUntil ?? (reported.Bar ? report.At + _barLength : null), until) })],
        }) is not null;

    /// <summary>
    /// Records the operator's bar of people kicked outside any report (from global chat) as a closed
    /// report of its own, so it is kept, listed and lifted like any other bar; null when the folder is full.
    /// </summary>
    public Task<string?> AddBarAsync(string mode, IEnumerable<(string Name, Origin Origin)> barred, DateTimeOffset until, string why)
    {
        var now = _time.GetUtcNow();
        var entry = new ReportEntry(
            now.ToUnixTimeSeconds(),
            now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            mode,
            [.. barred.Select(person => new ReportedEntry(person.Name, _hashes.Of(person.Origin), Bar: false, BarredUntil: until))],
            [new ReportLine(now, Cut(why))],
            Closed: true);
        return _files.AddAsync(entry, now);
    }

    private static DateTimeOffset Later(DateTimeOffset? set, DateTimeOffset until) => set is { } already && already > until ? already : until;
}
