using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Remandzana.Tests.Support;

/// <summary>
/// The real app as its own process (`dotnet Remandzana.Web.dll` from the build output), as an
/// operator runs it: on a free loopback port, with its own key ring and feedback folder.
/// </summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _output = [];
    private bool _disposed;

    private AppProcess(Process process, string folder)
    {
        _process = process;
        Folder = folder;
    }

    public string Folder { get; }

    public Uri BaseAddress { get; private set; } = null!;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToList();
            }
        }
    }

    /// <summary>The folder that holds the Web project's build output for the configuration the tests were built in.</summary>
    public static string WebOutput()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var web = Path.GetFullPath(Path.Combine(testOutput.FullName, "..", "..", "..", "..", "Remandzana.Web", "bin", configuration, framework));
        return File.Exists(Path.Combine(web, "Remandzana.Web.dll")) ? web : testOutput.FullName;
    }

    public static async Task<AppProcess> Start(IDictionary<string, string>? environment = null)
    {
        var folder = Directory.CreateTempSubdirectory("remandzana-process-").FullName;
        var web = WebOutput();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(web, "Remandzana.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Remandzana__KeyRing__Directory"] = Path.Combine(folder, "keys");
        start.Environment["Remandzana__Feedback__Directory"] = Path.Combine(folder, "feedback");
        start.Environment["Remandzana__Console__AuditFile"] = Path.Combine(folder, "audit", "operator-audit.jsonl");
        start.Environment["Remandzana__Backplane__SiloPort"] = $"{FreePort.Next()}";
        start.Environment["Remandzana__Backplane__AdvertisedAddress"] = "127.0.0.1";
        start.Environment["Remandzana__WarmUp__Seconds"] = "0";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var app = new AppProcess(new Process { StartInfo = start, EnableRaisingEvents = true }, folder);
        app._process.OutputDataReceived += (_, line) => app.Record(line.Data);
        app._process.ErrorDataReceived += (_, line) => app.Record(line.Data);
        app._process.Start();
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        var exited = app._process.WaitForExitAsync();
        var first = await Task.WhenAny(app._listening.Task, exited, Task.Delay(TimeSpan.FromSeconds(30)));
        if (first != app._listening.Task)
        {
            await app.DisposeAsync();
            Assert.Fail($"The app did not start listening. Output:\n{string.Join("\n", app.Output)}");
        }

        app.BaseAddress = await app._listening.Task;
        return app;
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }

        if (Listening().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex Listening();

    public HttpClient NewClient() => new(new SocketsHttpHandler { MaxResponseDrainSize = 0, AllowAutoRedirect = false })
    {
        BaseAddress = BaseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public async Task<ChatClient> OpenChat(string path)
    {
        var client = new ChatClient(NewClient());
        await client.Open(path);
        return client;
    }

    /// <summary>Sends SIGTERM, as `docker stop` and systemd do.</summary>
    public async Task Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        Assert.That(kill.ExitCode, Is.Zero, "kill -TERM");
    }

    public Task WaitForExit(CancellationToken cancellation) => _process.WaitForExitAsync(cancellation);

    /// <summary>SIGKILL, as a crash or the OOM killer would: the app gets no chance to say goodbye.</summary>
    public async Task Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await Kill();
        _process.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
