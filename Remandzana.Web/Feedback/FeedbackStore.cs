using System.Globalization;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.Extensions.Options;
using Remandzana.Web.Options;

namespace Remandzana.Web.Feedback;

/// <summary>
/// Feedback as a folder of JSON files, one per entry. A new entry is written to a temporary name,
/// flushed to disk and renamed into place, so a crash never leaves a half-written entry; names are
/// random, so concurrent submissions never collide. Files are read as the operator left them:
/// anything too large or not of the entry's shape is skipped with a log line.
/// </summary>
public sealed partial class FeedbackStore(IOptions<FeedbackOptions> options, TimeProvider time, ILogger<FeedbackStore> logger)
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

    // The range DateTimeOffset can show; a hand-edited timestamp outside it is not a date.
    private static readonly long EarliestSecond = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly long LatestSecond = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    private readonly string _folder = Path.GetFullPath(options.Value.Directory);
    private readonly int _maxFileBytes = options.Value.MaxFileBytes;

    public string Folder => _folder;

    /// <summary>Stores a new, hidden entry; returns the file's path.</summary>
    public async Task<string> AddAsync(string message)
    {
        var now = time.GetUtcNow();
        var entry = new FeedbackEntry(
            now.ToUnixTimeSeconds(),
            now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            message,
            Visible: false,
            Reply: null,
            Operator: false);

        Directory.CreateDirectory(_folder);
        var name = $"{now.UtcDateTime:yyyyMMdd-HHmmss}-{RandomNumberGenerator.GetHexString(16, lowercase: true)}";
        var temporary = Path.Combine(_folder, $".{name}.tmp");
        var final = Path.Combine(_folder, name + Extension);
        try
        {
            // Not the request's token: once started, an entry is written whole even if the browser goes away.
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

    /// <summary>The entries the operator made visible, newest first.</summary>
    public async Task<IReadOnlyList<FeedbackEntry>> VisibleAsync(CancellationToken cancellation)
    {
        if (!Directory.Exists(_folder))
        {
            return [];
        }

        var visible = new List<(FeedbackEntry Entry, string Name)>();
        foreach (var path in Directory.EnumerateFiles(_folder, "*" + Extension))
        {
            if (await ReadAsync(path, cancellation) is { Visible: true } entry)
            {
                visible.Add((entry, Path.GetFileName(path)));
            }
        }

        return visible
            .OrderByDescending(item => item.Entry.Timestamp)
            .ThenByDescending(item => item.Name, StringComparer.Ordinal)
            .Select(item => item.Entry)
            .ToList();
    }

    private async Task<FeedbackEntry?> ReadAsync(string path, CancellationToken cancellation)
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

            var entry = JsonSerializer.Deserialize<FeedbackEntry>(buffer.AsSpan(0, length), Json);
            if (entry is null || entry.Timestamp < EarliestSecond || entry.Timestamp > LatestSecond)
            {
                LogSkipped(path, "not a feedback entry");
                return null;
            }

            return entry;
        }
        catch (JsonException e)
        {
            LogSkipped(path, $"not a feedback entry ({e.Message})");
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogSkipped(path, $"it cannot be read ({e.Message})");
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Feedback stored in {File}")]
    private partial void LogStored(string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feedback file {File} skipped: {Why}")]
    private partial void LogSkipped(string file, string why);
}
