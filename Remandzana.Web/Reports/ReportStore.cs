using System.Globalization;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.Extensions.Options;
using Remandzana.Web.Options;

namespace Remandzana.Web.Reports;

/// <summary>
/// Reports as a folder of JSON files, one per report, like feedback: written to a temporary name,
/// flushed and renamed into place (a crash never leaves half a report), random names, and files
/// read as the operator left them: too large or not of the report's shape, skipped with a log line.
/// </summary>
public sealed partial class ReportStore(IOptions<ReportsOptions> options, TimeProvider time, ILogger<ReportStore> logger)
{
    private const string Extension = ".json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private readonly string _folder = Path.GetFullPath(options.Value.Directory);
    private readonly int _maxFileBytes = options.Value.MaxFileBytes;
    private readonly TimeSpan _barLength = TimeSpan.FromDays(options.Value.BarDays);

    public string Folder => _folder;

    /// <summary>Stores a new, open report; returns the file's path.</summary>
    public async Task<string> AddAsync(string mode, IEnumerable<ReportedEntry> reported, IEnumerable<ReportLine> lines)
    {
        var now = time.GetUtcNow();
        var entry = new ReportEntry(
            now.ToUnixTimeSeconds(),
            now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            mode,
            reported.ToList(),
            lines.ToList(),
            Closed: false);

        Directory.CreateDirectory(_folder);
        var name = $"{now.UtcDateTime:yyyyMMdd-HHmmss}-{RandomNumberGenerator.GetHexString(16, lowercase: true)}";
        var temporary = Path.Combine(_folder, $".{name}.tmp");
        var final = Path.Combine(_folder, name + Extension);
        try
        {
            // Not the request's token: once started, a report is written whole even if the browser goes away.
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await JsonSerializer.SerializeAsync(file, entry, Json);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, final, overwrite: false);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        LogStored(final);
        return final;
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

    private async Task<List<ReportView>> AllAsync(CancellationToken cancellation)
    {
        var views = new List<ReportView>();
        if (!Directory.Exists(_folder))
        {
            return views;
        }

        foreach (var path in Directory.EnumerateFiles(_folder, "*" + Extension))
        {
            if (await ReadAsync(path, cancellation) is { } entry)
            {
                views.Add(new ReportView(Path.GetFileName(path), entry));
            }
        }

        return views;
    }

    private async Task<ReportEntry?> ReadAsync(string path, CancellationToken cancellation)
    {
        try
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096, FileOptions.Asynchronous);
            if (file.Length > _maxFileBytes)
            {
                LogSkipped(path, $"{file.Length} bytes is over the limit of {_maxFileBytes}");
                return null;
            }

            // Read at most one byte past the limit, in case the file grew since its length was read.
            var buffer = new byte[_maxFileBytes + 1];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = await file.ReadAsync(buffer.AsMemory(length), cancellation)) > 0)
            {
                length += read;
            }

            if (length > _maxFileBytes)
            {
                LogSkipped(path, $"over the limit of {_maxFileBytes} bytes");
                return null;
            }

            return JsonSerializer.Deserialize<ReportEntry>(buffer.AsSpan(0, length), Json) ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            LogSkipped(path, $"not a report ({e.Message})");
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogSkipped(path, $"it cannot be read ({e.Message})");
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Report stored in {File}")]
    private partial void LogStored(string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Report file {File} skipped: {Why}")]
    private partial void LogSkipped(string file, string why);
}
