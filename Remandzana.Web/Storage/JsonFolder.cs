using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Remandzana.Web.Storage;

/// <summary>
/// A folder of JSON files, one per entry, that the operator may edit by hand. A new entry is written
/// to a temporary name, flushed to disk and renamed into place, so a crash never leaves a
/// half-written entry; names are random, so concurrent writers never collide. Files are read as
/// the operator left them: anything too large or not of the entry's shape is skipped with a log line.
/// </summary>
public sealed partial class JsonFolder(string directory, int maxFileBytes, string kind, ILogger logger)
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

    public string Folder { get; } = Path.GetFullPath(directory);

    /// <summary>Writes a new entry named after <paramref name="now"/>; returns the file's path.</summary>
    public async Task<string> AddAsync<T>(T entry, DateTimeOffset now)
    {
        Directory.CreateDirectory(Folder);
        var name = $"{now.UtcDateTime:yyyyMMdd-HHmmss}-{RandomNumberGenerator.GetHexString(16, lowercase: true)}";
        var temporary = Path.Combine(Folder, $".{name}.tmp");
        var final = Path.Combine(Folder, name + Extension);
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

        LogStored(kind, final);
        return final;
    }

    /// <summary>Every readable entry with its file name, in no order; <paramref name="isEntry"/> rejects a well-formed file that is still not an entry.</summary>
    public async Task<List<(string File, T Entry)>> AllAsync<T>(Func<T, bool>? isEntry = null, CancellationToken cancellation = default)
        where T : class
    {
        var entries = new List<(string, T)>();
        if (!Directory.Exists(Folder))
        {
            return entries;
        }

        foreach (var path in Directory.EnumerateFiles(Folder, "*" + Extension))
        {
            if (await ReadAsync(path, isEntry, cancellation) is { } entry)
            {
                entries.Add((Path.GetFileName(path), entry));
            }
        }

        return entries;
    }

    private async Task<T?> ReadAsync<T>(string path, Func<T, bool>? isEntry, CancellationToken cancellation)
        where T : class
    {
        try
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096, FileOptions.Asynchronous);
            if (file.Length > maxFileBytes)
            {
                LogSkipped(kind, path, $"{file.Length} bytes is over the limit of {maxFileBytes}");
                return null;
            }

            // Read at most one byte past the limit, in case the file grew since its length was read.
            var buffer = new byte[maxFileBytes + 1];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = await file.ReadAsync(buffer.AsMemory(length), cancellation)) > 0)
            {
                length += read;
            }

            if (length > maxFileBytes)
            {
                LogSkipped(kind, path, $"over the limit of {maxFileBytes} bytes");
                return null;
            }

            var entry = JsonSerializer.Deserialize<T>(buffer.AsSpan(0, length), Json);
            if (entry is null || (isEntry is not null && !isEntry(entry)))
            {
                LogSkipped(kind, path, "not of the expected shape");
                return null;
            }

            return entry;
        }
        catch (JsonException e)
        {
            LogSkipped(kind, path, $"not of the expected shape ({e.Message})");
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogSkipped(kind, path, $"it cannot be read ({e.Message})");
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} stored in {File}")]
    private partial void LogStored(string kind, string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} file {File} skipped: {Why}")]
    private partial void LogSkipped(string kind, string file, string why);
}
