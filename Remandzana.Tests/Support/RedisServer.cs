using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Remandzana.Tests.Support;

/// <summary>
/// A real redis-server of the test's own on a free loopback port, for the scale-out tests. It
/// keeps an append-only file in the test's folder, written at every command
/// (<c>--appendonly yes --appendfsync always</c>), as an operator's Redis must when it holds the
/// Orleans membership table: it can be stopped (killed, as a crash would) and restarted on the
/// same port with its data, so a test can take Redis away from the app and give it back. Locally a missing redis-server ignores the test; under
/// REMANDZANA_REQUIRE_SYSTEM_TESTS=1 it fails it (see <see cref="SystemRequirement"/>).
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan AskBound = TimeSpan.FromSeconds(5);

    private readonly string _program;
    private readonly string _folder;
    private readonly List<string> _output = [];
    private Process? _process;

    private RedisServer(string program, string folder, int port)
    {
        _program = program;
        _folder = folder;
        Port = port;
    }

    public int Port { get; private set; }

    /// <summary>What StackExchange.Redis (and Remandzana:Backplane:Redis) takes: <c>127.0.0.1:PORT</c>.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>What redis-server printed (its log goes to standard output), for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>Starts redis-server on a free loopback port and returns once it answers PING.</summary>
    public static async Task<RedisServer> Start()
    {
        var program = SystemRequirement.Program("redis-server", "redis-server");
        var folder = Directory.CreateTempSubdirectory("remandzana-redis-").FullName;
        var server = new RedisServer(program, folder, FreePort.Next());
        // The port was free a moment ago; another program may take it first: then try another.
        for (var attempt = 1; ; attempt++)
        {
            if (await server.Launch())
            {
                return server;
            }

            if (attempt == 3)
            {
                var output = server.Output;
                await server.DisposeAsync();
                Assert.Fail($"redis-server did not start on 127.0.0.1:{server.Port}. Output:\n{output}");
            }

            server.Port = FreePort.Next();
        }
    }

    /// <summary>Kills redis-server (as a crash would: no goodbye to its clients) and waits until it has exited.</summary>
    public async Task Stop()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>Starts redis-server again on the same port (stopping it first if it runs), with what it held, and waits until it answers PING.</summary>
    public async Task Restart()
    {
        await Stop();
        if (!await Launch())
        {
            Assert.Fail($"redis-server did not start again on 127.0.0.1:{Port}. Output:\n{Output}");
        }
    }

    /// <summary>Empties every database, so tests that share one server start clean.</summary>
    public async Task FlushAll()
    {
        var answer = await Ask("FLUSHALL");
        Assert.That(answer, Is.EqualTo("+OK"), "FLUSHALL");
    }

    /// <summary>True when redis-server answers PING with +PONG on its port now.</summary>
    public async Task<bool> Ping()
    {
        try
        {
            return await Ask("PING") == "+PONG";
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// Sends one inline command (words separated by spaces, e.g. <c>DBSIZE</c>) over a new
    /// connection and returns the first line of the reply, e.g. <c>+OK</c>, <c>:0</c>, <c>-ERR …</c>
    /// (enough for status, error and integer replies). Throws <see cref="SocketException"/> when
    /// nothing listens on the port.
    /// </summary>
    public async Task<string> Ask(string inlineCommand)
    {
        using var bound = new CancellationTokenSource(AskBound);
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", Port, bound.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(inlineCommand + "\r\n"), bound.Token);
        var reply = new StringBuilder();
        var buffer = new byte[256];
        while (true)
        {
            var read = await stream.ReadAsync(buffer, bound.Token);
            if (read == 0)
            {
                throw new IOException($"redis-server closed the connection before answering {inlineCommand}: '{reply}'.");
            }

            reply.Append(Encoding.ASCII.GetString(buffer, 0, read));
            var end = reply.ToString().IndexOf("\r\n", StringComparison.Ordinal);
            if (end >= 0)
            {
                return reply.ToString(0, end);
            }
        }
    }

    /// <summary>How many times each command has run since the server started (INFO commandstats), by lower-case name.</summary>
    public async Task<IReadOnlyDictionary<string, long>> CommandCalls()
    {
        using var bound = new CancellationTokenSource(AskBound);
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", Port, bound.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("INFO commandstats\r\n"), bound.Token);
        var reply = new StringBuilder();
        var buffer = new byte[4096];
        // A bulk reply: "$LENGTH\r\n" then LENGTH bytes (ASCII) and "\r\n".
        while (reply.ToString().IndexOf("\r\n", StringComparison.Ordinal) is var header && (header < 0 || reply.Length < header + 2 + int.Parse(reply.ToString(1, header - 1), System.Globalization.CultureInfo.InvariantCulture) + 2))
        {
            var read = await stream.ReadAsync(buffer, bound.Token);
            if (read == 0)
            {
                throw new IOException($"redis-server closed the connection before answering INFO: '{reply}'.");
            }

            reply.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return System.Text.RegularExpressions.Regex.Matches(reply.ToString(), @"^cmdstat_([^:]+):calls=(\d+)", System.Text.RegularExpressions.RegexOptions.Multiline)
            .ToDictionary(match => match.Groups[1].Value, match => long.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Runs redis-server on <see cref="Port"/>; true once it is ready and answers PING, false if it exited or never got ready.</summary>
    private async Task<bool> Launch()
    {
        var start = new ProcessStartInfo(_program)
        {
            // The append-only file stays in the test's folder.
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "yes", "--appendfsync", "always", "--dir", _folder, "--daemonize", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, line) => Record(line.Data, ready);
        process.ErrorDataReceived += (_, line) => Record(line.Data, ready);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        // redis-server logs "Ready to accept connections" once it listens: wait for that (or its exit), then check with a PING.
        var first = await Task.WhenAny(ready.Task, process.WaitForExitAsync(), Task.Delay(StartBound));
        if (first == ready.Task && await Ping())
        {
            return true;
        }

        await Stop();
        return false;
    }

    private void Record(string? line, TaskCompletionSource ready)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }

        if (line.Contains("Ready to accept connections", StringComparison.Ordinal))
        {
            ready.TrySetResult();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Stop();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
