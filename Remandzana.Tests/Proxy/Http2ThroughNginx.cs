using System.Net;
using System.Text.RegularExpressions;
using Remandzana.Domain.Lines;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Proxy;

/// <summary>
/// The TLS server block that deploy/nginx/remandzana.conf describes in comments, switched on
/// with a throw-away certificate: browsers get HTTP/2, so many chat tabs share one connection.
/// </summary>
[Category("Proxy")]
public sealed partial class Http2ThroughNginx
{
    private RemandzanaApp _app = null!;
    private Nginx _nginx = null!;
    private string _certificates = null!;
    private int _tlsPort;

    [OneTimeSetUp]
    public async Task Start()
    {
        var openssl = SystemRequirement.Program("openssl", "openssl");
        SystemRequirement.Program("nginx", "nginx");
        _certificates = Directory.CreateTempSubdirectory("remandzana-tls-").FullName;
        var certificate = await Command.Run(
            openssl,
            ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
             "-keyout", Path.Combine(_certificates, "key.pem"), "-out", Path.Combine(_certificates, "cert.pem")],
            TimeSpan.FromMinutes(1));
        Assert.That(certificate.Succeeded, certificate.Output);
        if (!OperatingSystem.IsWindows())
        {
            // nginx's master (root) reads the key; make the folder reachable like the prefix folder.
            File.SetUnixFileMode(_certificates, (UnixFileMode)0b111_101_101);
        }

        _tlsPort = FreePort.Next();
        _app = new RemandzanaApp();
        _nginx = await Nginx.Start(_app.BaseAddress, WithTheTlsServer);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_nginx is not null)
        {
            await _nginx.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        Directory.Delete(_certificates, recursive: true);
    }

    /// <summary>Uncomments the documented TLS server block and points it at a loopback port and the test certificate.</summary>
    private string WithTheTlsServer(string config)
    {
        var block = CommentedTlsServer().Match(config);
        Assert.That(block.Success, "the site config describes a TLS server block in comments");
        var server = string.Join('\n', block.Value.Split('\n').Select(line => line.StartsWith("# ", StringComparison.Ordinal) ? line[2..] : line.TrimStart('#')));
        server = Regex.Replace(server, @"^\s*listen 443 ssl http2;.*$", $"    listen 127.0.0.1:{_tlsPort} ssl http2;", RegexOptions.Multiline);
        server = Regex.Replace(server, @"^\s*listen \[::\]:443 ssl http2;.*$", "", RegexOptions.Multiline);
        server = Regex.Replace(server, @"ssl_certificate\s+\S+;", $"ssl_certificate {Path.Combine(_certificates, "cert.pem")};");
        server = Regex.Replace(server, @"ssl_certificate_key\s+\S+;", $"ssl_certificate_key {Path.Combine(_certificates, "key.pem")};");
        Assert.That(server, Does.Contain($"listen 127.0.0.1:{_tlsPort} ssl http2;"));
        return config + "\n" + server + "\n";
    }

    [GeneratedRegex(@"^# server \{\n(?:#.*\n)*?# \}$", RegexOptions.Multiline)]
    private static partial Regex CommentedTlsServer();

    /// <summary>One HTTP/2 connection for every tab, as a browser has per host.</summary>
    private HttpClient OneConnection() => new(new SocketsHttpHandler
    {
        MaxResponseDrainSize = 0,
        MaxConnectionsPerServer = 1,
        EnableMultipleHttp2Connections = false,
#pragma warning disable CA5359 // the test's own nginx presents a certificate the test made a moment ago
        SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
#pragma warning restore CA5359
    })
    {
        BaseAddress = new Uri($"https://127.0.0.1:{_tlsPort}/"),
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        Timeout = TimeSpan.FromSeconds(30),
    };

    [Test]
    public async Task EightChatTabsStreamOverOneHttp2ConnectionAndALineCrossesIt()
    {
        var http = OneConnection();
        var tabs = new List<ChatClient>();
        try
        {
            // More tabs than the six HTTP/1.1 connections a browser would open to one host.
            for (var tab = 1; tab <= 8; tab++)
            {
                var chat = new ChatClient(http);
                await chat.Open("/global");
                tabs.Add(chat);
                await chat.WaitForLine(Notices.Welcome(tab).English);
            }

            Assert.That(tabs.Select(tab => tab.Response.Version), Is.All.EqualTo(HttpVersion.Version20));
            Assert.That((await tabs[0].Send("over one connection")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            foreach (var tab in tabs.Skip(1))
            {
                await tab.WaitForLine("Anonymous: over one connection");
            }

            Assert.That(tabs.Any(tab => tab.Ended), Is.False, "every stream is still open");
        }
        finally
        {
            foreach (var tab in tabs)
            {
                await tab.DisposeAsync();
            }

            http.Dispose();
        }
    }
}
