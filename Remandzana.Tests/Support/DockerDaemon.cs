using System.Diagnostics;
using System.Globalization;

namespace Remandzana.Tests.Support;

/// <summary>
/// A Docker daemon of the tests' own, as RECIPES.md runs one: no bridge network and no iptables
/// (containers use the host's network on loopback), its own socket, and a data root kept across
/// runs in /var/tmp so base images and build layers are cached.
/// </summary>
public sealed class DockerDaemon : IAsyncDisposable
{
    public const string DataRoot = "/var/tmp/remandzana-docker";
    private const string RunFolder = "/run/remandzana-docker";

    private readonly Process _process;

    private DockerDaemon(Process process) => _process = process;

    public static string Socket => $"unix://{RunFolder}/docker.sock";

    public IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>
    {
        ["DOCKER_HOST"] = Socket,
        // The classic builder: BuildKit would fetch the Dockerfile frontend image from the internet.
        ["DOCKER_BUILDKIT"] = "0",
    };

    public static async Task<DockerDaemon> Start()
    {
        var dockerd = SystemRequirement.Program("dockerd", "docker.io");
        SystemRequirement.Program("docker", "docker.io");
        if (System.Environment.UserName != "root")
        {
            var message = "Docker tests start their own dockerd and need root.";
            if (SystemRequirement.Required)
            {
                Assert.Fail(message);
            }

            Assert.Ignore(message);
        }

        Directory.CreateDirectory(RunFolder);
        var pidFile = Path.Combine(RunFolder, "docker.pid");
        if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture, out var stale) && IsRunning(stale))
        {
            Assert.Fail($"A dockerd of these tests is still running (pid {stale}, {pidFile}); stop it first.");
        }

        var start = new ProcessStartInfo(dockerd)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
        {
            "--data-root", Path.Combine(DataRoot, "data"), "--exec-root", Path.Combine(RunFolder, "exec"),
            "--pidfile", pidFile, "-H", Socket,
            "--bridge=none", "--iptables=false", "--ip6tables=false",
        })
        {
            start.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = start };
        var lines = new List<string>();
        process.OutputDataReceived += (_, line) => Keep(lines, line.Data);
        process.ErrorDataReceived += (_, line) => Keep(lines, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var daemon = new DockerDaemon(process);

        // dockerd says nothing when it is ready: ask it until it answers (under 5 s per RECIPES.md).
        string Said()
        {
            lock (lines)
            {
                return string.Join("\n", lines.TakeLast(30));
            }
        }

        try
        {
            await Eventually.That(
                async () =>
                {
                    if (process.HasExited)
                    {
                        Assert.Fail($"dockerd exited at start:\n{Said()}");
                    }

                    return (await daemon.Docker(["version", "--format", "{{.Server.Version}}"], TimeSpan.FromSeconds(10))).Succeeded;
                },
                "dockerd to answer",
                () => $"it said:\n{Said()}");
        }
        catch
        {
            await daemon.DisposeAsync();
            throw;
        }

        return daemon;
    }


    private static void Keep(List<string> lines, string? line)
    {
        if (line is not null)
        {
            lock (lines)
            {
                lines.Add(line);
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public Task<Command.Result> Docker(IEnumerable<string> args, TimeSpan bound, string? workingDirectory = null) =>
        Command.Run("docker", args, bound, Environment.ToDictionary(), workingDirectory);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(bound.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();

        // dockerd leaves its default network namespace mounted under the exec root.
        var namespaceMount = Path.Combine(RunFolder, "exec", "netns", "default");
        if (File.Exists(namespaceMount))
        {
            await Command.Run("umount", [namespaceMount], TimeSpan.FromSeconds(30));
        }
    }
}
