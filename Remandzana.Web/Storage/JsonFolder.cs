using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace Remandzana.Web.Storage;

/// <summary>
/// A folder of JSON files, one per entry, that the operator may edit by hand. A new entry is written
/// to a temporary name, flushed to disk and renamed into place, so a crash never leaves a
/// half-written entry; names are random, so concurrent writers never collide. Files are read as
/// the operator left them: anything too large or not of the entry's shape is skipped with a log line.
/// </summary>
/// <remarks>
/// Entries are read once and kept: <see cref="Current"/> answers from memory (the folder is read the
/// first time only), and <see cref="Rescan"/> lists the folder and parses only the files whose
/// name, size or modification time changed. A reader can therefore never make the site read its
/// files again, however often it asks. The folder holds at most <c>maxFiles</c> entries the site
/// wrote itself; files the operator adds by hand load whatever their number.
/// </remarks>
public sealed partial class JsonFolder<T>
    where T : class
{
    private const string Extension = ".json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        Encoder = FileJsonEncoder.Instance,
    };

    private readonly int _maxFileBytes;
    private readonly int _maxFiles;
    private readonly string _kind;
    private readonly Func<T, bool>? _isEntry;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Stored> _files = new(StringComparer.Ordinal);
    private volatile Snapshot? _snapshot;

    /// <param name="isEntry">Rejects a well-formed file that is still not an entry.</param>
    public JsonFolder(string directory, int maxFileBytes, int maxFiles, string kind, ILogger logger, Func<T, bool>? isEntry = null)
    {
        Folder = Path.GetFullPath(directory);
        _maxFileBytes = maxFileBytes;
        _maxFiles = maxFiles;
        _kind = kind;
        _logger = logger;
        _isEntry = isEntry;
    }

    public string Folder { get; }

    /// <summary>Whether the folder holds <c>maxFiles</c> files or more, so that a new entry is refused (logged when it is).</summary>
    public bool RefusesMore()
    {
        var count = Current().Files;
        if (count < _maxFiles)
        {
            return false;
        }

        LogFull(_kind, Folder, count);
        return true;
    }

    /// <summary>What the folder held when it was last read or written: served from memory, the folder is read the first time only.</summary>
    public Snapshot Current() => _snapshot ?? FirstRead();

    private Snapshot FirstRead()
    {
        lock (_gate)
        {
            // Readers that waited here while the first one read the folder take what it read.
            return _snapshot ?? Rescan();
        }
    }

    /// <summary>Lists the folder and reads again only the files that are new or changed (name, size, modification time); forgets those that are gone.</summary>
    public Snapshot Rescan()
    {
        lock (_gate)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var changed = false;
            if (Directory.Exists(Folder))
            {
                try
                {
                    foreach (var info in new DirectoryInfo(Folder).EnumerateFiles("*" + Extension))
                    {
                        var name = info.Name;
                        seen.Add(name);
                        if (_files.TryGetValue(name, out var known) && known.Length == info.Length && known.Modified == info.LastWriteTimeUtc)
                        {
                            continue;
                        }

                        _files[name] = new Stored(info.Length, info.LastWriteTimeUtc, Read(info));
                        changed = true;
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    LogFolderUnreadable(_kind, Folder, e.Message);
                    // What was re-read before the listing broke off is in _files: publish it, or the next
                    // rescan would take those files for unchanged and never show them.
                    return changed || _snapshot is null ? Publish() : _snapshot;
                }
            }

            foreach (var gone in _files.Keys.Where(name => !seen.Contains(name)).ToList())
            {
                _files.Remove(gone);
                changed = true;
            }

            return changed || _snapshot is null ? Publish() : _snapshot;
        }
    }

    /// <summary>
    /// Writes a new entry named after <paramref name="now"/>; returns the file's path, or null when
    /// the folder already holds <c>maxFiles</c> files (the refusal is logged).
    /// </summary>
    public async Task<string?> AddAsync(T entry, DateTimeOffset now)
    {
        if (RefusesMore())
        {
            return null;
        }

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

        var written = new FileInfo(final);
        lock (_gate)
        {
            _files[written.Name] = new Stored(written.Length, written.LastWriteTimeUtc, entry);
            Publish();
        }

        LogStored(_kind, final);
        return final;
    }

    /// <summary>The size <paramref name="value"/> takes in a file of this folder, in bytes.</summary>
    public int SizeOf<TValue>(TValue value) => JsonSerializer.SerializeToUtf8Bytes(value, Json).Length;

    /// <summary>
    /// Changes the entry of a file this folder lists, as the file is on disk now (a hand edit made
    /// since the last rescan is kept), and writes it back whole (as <see cref="AddAsync"/> writes).
    /// Runs under the folder's lock, so a rescan or another change on this instance never writes
    /// an older copy over it. <paramref name="file"/> is only ever compared with the names the
    /// folder listed, never used as a path: anything else (<c>../</c>, a path, another folder's
    /// file) is not found. Returns the entry as written, the entry unchanged when
    /// <paramref name="change"/> answers null, or null when the file is not listed, gone or unreadable.
    /// </summary>
    public T? Update(string file, Func<T, T?> change)
    {
        lock (_gate)
        {
            if (!_files.ContainsKey(file))
            {
                return null;
            }

            var info = new FileInfo(Path.Combine(Folder, file));
            if (!info.Exists || Read(info) is not { } current)
            {
                return null;
            }

            if (change(current) is not { } changed)
            {
                return current;
            }

            var final = info.FullName;
            var temporary = Path.Combine(Folder, $".{Path.GetFileNameWithoutExtension(final)}-{RandomNumberGenerator.GetHexString(8, lowercase: true)}.tmp");
            try
            {
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    JsonSerializer.Serialize(stream, changed, Json);
                    stream.Flush(flushToDisk: true);
                }

                File.Move(temporary, final, overwrite: true);
            }
            catch
            {
                File.Delete(temporary);
                throw;
            }

            var written = new FileInfo(final);
            _files[written.Name] = new Stored(written.Length, written.LastWriteTimeUtc, changed);
            Publish();
            return changed;
        }
    }

    /// <summary>Deletes a file this folder lists (see <see cref="Update"/> for how the name is checked); false when it is not listed.</summary>
    public bool DeleteListed(string file)
    {
        lock (_gate)
        {
            if (!_files.ContainsKey(file))
            {
                return false;
            }

            Delete(file);
            return true;
        }
    }

    /// <summary>Deletes a file (nothing happens when it is gone already, e.g. another instance deleted it).</summary>
    public void Delete(string file)
    {
        var name = Path.GetFileName(file);
        lock (_gate)
        {
            try
            {
                File.Delete(Path.Combine(Folder, name));
            }
            catch (DirectoryNotFoundException)
            {
            }

            if (_files.Remove(name))
            {
                Publish();
            }
        }
    }

    private Snapshot Publish()
    {
        var entries = new List<(string File, T Entry)>(_files.Count);
        foreach (var (name, stored) in _files)
        {
            if (stored.Entry is { } entry)
            {
                entries.Add((name, entry));
            }
        }

        var snapshot = new Snapshot(entries, _files.Count);
        _snapshot = snapshot;
        return snapshot;
    }

    private T? Read(FileInfo info)
    {
        if (info.Length > _maxFileBytes)
        {
            LogSkipped(_kind, info.FullName, $"{info.Length} bytes is over the limit of {_maxFileBytes}");
            return null;
        }

        // Read at most one byte past the limit, in case the file grew since its length was read.
        var buffer = ArrayPool<byte>.Shared.Rent(_maxFileBytes + 1);
        try
        {
            using var file = new FileStream(info.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.None);
            var length = 0;
            int read;
            while (length <= _maxFileBytes && (read = file.Read(buffer, length, _maxFileBytes + 1 - length)) > 0)
            {
                length += read;
            }

            if (length > _maxFileBytes)
            {
                LogSkipped(_kind, info.FullName, $"over the limit of {_maxFileBytes} bytes");
                return null;
            }

            var entry = JsonSerializer.Deserialize<T>(buffer.AsSpan(0, length), Json);
            if (entry is null || (_isEntry is not null && !_isEntry(entry)))
            {
                LogSkipped(_kind, info.FullName, "not of the expected shape");
                return null;
            }

            return entry;
        }
        catch (JsonException e)
        {
            LogSkipped(_kind, info.FullName, $"not of the expected shape ({e.Message})");
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogSkipped(_kind, info.FullName, $"it cannot be read ({e.Message})");
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The entries read, with their files' names, in no order; <see cref="Files"/> counts the unreadable files too.</summary>
    public sealed record Snapshot(IReadOnlyList<(string File, T Entry)> Entries, int Files);

    /// <summary>A file as last read: its size and modification time, and its entry (null when it was skipped).</summary>
    private sealed record Stored(long Length, DateTime Modified, T? Entry);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} stored in {File}")]
    private partial void LogStored(string kind, string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} file {File} skipped: {Why}")]
    private partial void LogSkipped(string kind, string file, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} refused: {Folder} already holds {Files} files, its limit (MaxFiles); the operator should close or delete some")]
    private partial void LogFull(string kind, string folder, int files);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} folder {Folder} could not be listed: {Why}")]
    private partial void LogFolderUnreadable(string kind, string folder, string why);
}
