using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Remandzana.Web.Options;
using Remandzana.Web.Security;
using Remandzana.Web.Storage;

namespace Remandzana.Web.Operator;

/// <summary>
/// The audit log as a JSON-lines file (<c>Remandzana:Console:AuditFile</c>), appended to and never
/// rewritten: each entry is one line, written whole under a lock and flushed before the action's
/// page answers. The file is created owner-only (0600), in an owner-only folder when the site makes
/// the folder, like the key ring: it names who did what. Scaled out, each instance writes its own.
/// </summary>
public sealed partial class FileOperatorAudit : IOperatorAudit, IDisposable
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = FileJsonEncoder.Instance,
    };

    private readonly TimeProvider _time;
    private readonly ILogger<FileOperatorAudit> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public FileOperatorAudit(IOptions<ConsoleOptions> options, TimeProvider time, ILogger<FileOperatorAudit> logger)
    {
        FilePath = Path.GetFullPath(options.Value.AuditFile);
        _time = time;
        _logger = logger;
    }

    public string FilePath { get; }

    public async Task RecordAsync(string operatorName, string action, string detail)
    {
        var line = JsonSerializer.Serialize(new AuditEntry(_time.GetUtcNow(), operatorName, action, detail), Json) + "\n";
        var bytes = Encoding.UTF8.GetBytes(line);
        await _gate.WaitAsync();
        try
        {
            PrepareFolder();
            var file = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read };
            if (!OperatingSystem.IsWindows())
            {
                file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            await using var stream = new FileStream(FilePath, file);
            await stream.WriteAsync(bytes);
            await stream.FlushAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<IReadOnlyList<AuditEntry>> RecentAsync(int count)
    {
        if (count <= 0 || !File.Exists(FilePath))
        {
            return [];
        }

        var newest = new Queue<AuditEntry>(count);
        var skipped = 0;
        await using var stream = new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (Parse(line) is not { } entry)
            {
                skipped++;
                continue;
            }

            if (newest.Count == count)
            {
                newest.Dequeue();
            }

            newest.Enqueue(entry);
        }

        if (skipped > 0)
        {
            LogSkipped(skipped, FilePath);
        }

        return newest.Reverse().ToList();
    }

    public void Dispose() => _gate.Dispose();

    private static AuditEntry? Parse(string line)
    {
        try
        {
            return JsonSerializer.Deserialize<AuditEntry>(line, Json) is { Operator: not null, Action: not null, Detail: not null } entry ? entry : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private void PrepareFolder()
    {
        var folder = Path.GetDirectoryName(FilePath);
        if (folder is { Length: > 0 } && !Directory.Exists(folder))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, KeyRingFolder.OwnerOnly);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped {Count} lines of the audit log {File} that are not audit entries")]
    private partial void LogSkipped(int count, string file);
}
