using System.Diagnostics;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Remandzana.Tests.Support;

/// <summary>
/// A real nginx in front of the app, run from its own prefix folder with a shipped site config
/// included unchanged but for its ports: deploy/nginx/remandzana.conf (one instance) or
/// deploy/nginx/remandzana-scale-out.conf (several instances, round-robin).
/// </summary>
public sealed partial class Nginx : IAsyncDisposable
{
    private readonly Process _process;

    private Nginx(Process process, string folder, Uri baseAddress)
    {
        _process = process;
        Folder = folder;
        BaseAddress = baseAddress;
    }

    public string Folder { get; }

    public Uri BaseAddress { get; }

    public string ErrorLog => File.Exists(Path.Combine(Folder, "error.log")) ? File.ReadAllText(Path.Combine(Folder, "error.log")) : "";

    public const string SiteConfigName = "remandzana.conf";

    public const string ScaleOutSiteConfigName = "remandzana-scale-out.conf";

    public const string OnionSiteConfigName = "remandzana-onion.conf";

    /// <summary>A shipped site config (deploy/nginx/<paramref name="name"/>), found from the test output by walking up to the repository.</summary>
    public static string SiteConfigPath(string name = SiteConfigName)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "deploy", "nginx", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"deploy/nginx/{name} was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The site config with nginx listening on <paramref name="port"/> (loopback) and the upstream at <paramref name="upstream"/>.</summary>
    public static string SiteConfig(Uri upstream, int port, Func<string, string>? adjust = null)
    {
        var config = File.ReadAllText(SiteConfigPath());
        Assert.That(Upstream().IsMatch(config), "the site config has the upstream `server 127.0.0.1:8080;`");
        config = Upstream().Replace(config, $"server 127.0.0.1:{upstream.Port};", 1);
        config = ListenOn(config, port);
        return adjust?.Invoke(config) ?? config;
    }

    /// <summary>
    /// The scale-out site config with nginx listening on <paramref name="port"/> (loopback) and its
    /// upstream's <c>server 127.0.0.1:PORT;</c> lines replaced by one line per entry of <paramref name="upstreams"/>, in order.
    /// </summary>
    public static string ScaleOutSiteConfig(IReadOnlyList<Uri> upstreams, int port, Func<string, string>? adjust = null)
    {
        Assert.That(upstreams, Is.Not.Empty, "at least one upstream");
        var config = File.ReadAllText(SiteConfigPath(ScaleOutSiteConfigName));
        var servers = UpstreamServers().Matches(config);
        Assert.That(servers, Has.Count.GreaterThanOrEqualTo(2), "the scale-out site config lists its instances as `server 127.0.0.1:PORT;` lines");
        var indent = servers[0].Groups["indent"].Value;
        var replacement = string.Concat(upstreams.Select(upstream => $"{indent}server {upstream.Host}:{upstream.Port};\n"));
        var first = true;
        config = UpstreamServers().Replace(config, _ =>
        {
            var lines = first ? replacement : "";
            first = false;
            return lines;
        });
        config = ListenOn(config, port);
        return adjust?.Invoke(config) ?? config;
    }

    /// <summary>
    /// The onion site config (what Tor's onion service points at) with its upstream at
    /// <paramref name="upstream"/> and nginx listening on 127.0.0.1:<paramref name="port"/>, still
    /// expecting Tor's PROXY protocol line on every connection.
    /// </summary>
    public static string OnionSiteConfig(Uri upstream, int port)
    {
        var config = File.ReadAllText(SiteConfigPath(OnionSiteConfigName));
        Assert.That(Upstream().IsMatch(config), "the onion site config has the upstream `server 127.0.0.1:8080;`");
        config = Upstream().Replace(config, $"server 127.0.0.1:{upstream.Port};", 1);
        Assert.That(OnionListen().IsMatch(config), "the onion site config listens on loopback with proxy_protocol");
        return OnionListen().Replace(config, $"listen 127.0.0.1:{port} proxy_protocol;", 1);
    }

    /// <summary>The first listen directive on 127.0.0.1:<paramref name="port"/>, the others removed (commented ones stay as they are).</summary>
    private static string ListenOn(string config, int port)
    {
        var first = true;
        config = Listen().Replace(config, _ =>
        {
            var line = first ? $"    listen 127.0.0.1:{port};" : "";
            first = false;
            return line;
        });
        Assert.That(first, Is.False, "the site config has a listen directive");
        return config;
    }

    /// <summary>nginx with the one-instance site config in front of <paramref name="upstream"/>.</summary>
    public static Task<Nginx> Start(Uri upstream, Func<string, string>? adjust = null) =>
        Launch(port => SiteConfig(upstream, port, adjust));

    /// <summary>nginx with the scale-out site config, round-robin over <paramref name="upstreams"/> (no sticky sessions).</summary>
    public static Task<Nginx> StartScaleOut(IReadOnlyList<Uri> upstreams, Func<string, string>? adjust = null) =>
        Launch(port => ScaleOutSiteConfig(upstreams, port, adjust));

    /// <summary>nginx with the onion site config in front of <paramref name="upstream"/>: speak Tor's PROXY line to it (<see cref="TorCircuit"/>).</summary>
    public static Task<Nginx> StartOnion(Uri upstream) => Launch(port => OnionSiteConfig(upstream, port));

    private static async Task<Nginx> Launch(Func<int, string> siteConfig)
    {
        var nginx = SystemRequirement.Program("nginx", "nginx");
        var folder = Directory.CreateTempSubdirectory("remandzana-nginx-").FullName;
        // Workers run as an unprivileged user when nginx is started by root: they must reach the temp folders.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        var port = FreePort.Next();
        await File.WriteAllTextAsync(Path.Combine(folder, "remandzana.conf"), siteConfig(port));
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log info;
            events { worker_connections 512; }
            http {
                access_log {{folder}}/access.log;
                client_body_temp_path {{folder}}/client_body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                include {{folder}}/remandzana.conf;
            }
            """);

        var start = new ProcessStartInfo(nginx)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-p", folder, "-c", Path.Combine(folder, "nginx.conf"), "-g", "daemon off;" })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        var instance = new Nginx(process, folder, new Uri($"http://127.0.0.1:{port}/"));
        // nginx says nothing when it is ready: try to connect until it accepts.
        try
        {
            await Eventually.That(
                async () =>
                {
                    if (process.HasExited)
                    {
                        Assert.Fail($"nginx exited at start ({process.ExitCode}): {await process.StandardError.ReadToEndAsync()}");
                    }

                    try
                    {
                        using var probe = new TcpClient();
                        await probe.ConnectAsync("127.0.0.1", port);
                        return true;
                    }
                    catch (SocketException)
                    {
                        return false;
                    }
                },
                "nginx to start listening");
        }
        catch
        {
            await instance.DisposeAsync();
            throw;
        }

        return instance;
    }


    [GeneratedRegex(@"server 127\.0\.0\.1:8080;")]
    private static partial Regex Upstream();

    [GeneratedRegex(@"^(?<indent>[ \t]*)server 127\.0\.0\.1:[0-9]+;[ \t]*\r?\n", RegexOptions.Multiline)]
    private static partial Regex UpstreamServers();

    [GeneratedRegex(@"listen 127\.0\.0\.1:[0-9]+ proxy_protocol;")]
    private static partial Regex OnionListen();

    [GeneratedRegex(@"^[ \t]*listen [^;]*;", RegexOptions.Multiline)]
    private static partial Regex Listen();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM: fast shutdown of master and workers.
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(10));
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
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
