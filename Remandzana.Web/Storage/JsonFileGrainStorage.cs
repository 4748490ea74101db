using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Runtime;
using Orleans.Storage;
using Remandzana.Web.Security;

namespace Remandzana.Web.Storage;

/// <summary>
/// Alone, the site's own settings (site settings, filters) outlive a restart in a folder of small
/// JSON files, one per grain state (<c>Remandzana:Console:StateDirectory</c>): written to a temporary
/// name, flushed and renamed into place, so a crash never leaves half a file; the folder and its
/// files are the owner's only, since they hold what the operators decided.
/// </summary>
/// <remarks>States are written with System.Text.Json: a state type must be one it can read back (public settable properties or a constructor it can bind).</remarks>
public sealed class JsonFileGrainStorage(string directory) : IGrainStorage
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        Encoder = FileJsonEncoder.Instance,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly Lock _gate = new();

    public string Folder { get; } = Path.GetFullPath(directory);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = PathOf(stateName, grainId);
        if (!File.Exists(path))
        {
            grainState.RecordExists = false;
            grainState.ETag = null;
            return;
        }

        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous);
        var state = await JsonSerializer.DeserializeAsync<T>(file, Json);
        if (state is not null)
        {
            grainState.State = state;
        }

        grainState.RecordExists = true;
        grainState.ETag = File.GetLastWriteTimeUtc(path).Ticks.ToString(CultureInfo.InvariantCulture);
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = PathOf(stateName, grainId);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(grainState.State, Json);
        lock (_gate)
        {
            Prepare();
            var temporary = Path.Combine(Folder, $".{Path.GetFileName(path)}-{Guid.NewGuid():N}.tmp");
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = OwnerReadWrite;
                }

                using (var file = new FileStream(temporary, options))
                {
                    file.Write(bytes);
                    file.Flush(flushToDisk: true);
                }

                File.Move(temporary, path, overwrite: true);
            }
            catch
            {
                File.Delete(temporary);
                throw;
            }

            grainState.RecordExists = true;
            grainState.ETag = File.GetLastWriteTimeUtc(path).Ticks.ToString(CultureInfo.InvariantCulture);
        }

        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        lock (_gate)
        {
            File.Delete(PathOf(stateName, grainId));
        }

        grainState.RecordExists = false;
        grainState.ETag = null;
        return Task.CompletedTask;
    }

    private void Prepare() => KeyRingFolder.Prepare(Folder);

    /// <summary>One file per state and grain, named from both with anything but ASCII letters, digits and '-' spelled as its code, so no grain key can name a path elsewhere.</summary>
    private string PathOf(string stateName, GrainId grainId) =>
        Path.Combine(Folder, $"{Safe(stateName)}_{Safe(grainId.Type.ToString()!)}_{Safe(grainId.Key.ToString()!)}.json");

    private static string Safe(string text)
    {
        var safe = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || rune.Value == '-'))
            {
                safe.Append((char)rune.Value);
            }
            else
            {
                safe.Append(CultureInfo.InvariantCulture, $"~{rune.Value:x}~");
            }
        }

        return safe.ToString();
    }
}
