using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Configuration;
using Orleans.Connections.Security;
using Orleans.Hosting;
using Remandzana.Domain.Lines;
using Remandzana.Tests.Support;
using Remandzana.Web.Cluster;
using Remandzana.Web.Grains;
using Remandzana.Web.Sessions;

namespace Remandzana.Tests.ScaleOut;

/// <summary>
/// The cluster as a stranger on the network finds it: every instance listens on its advertised
/// address only, on its site's port and its silo's, and the silo talks to nobody who does not
/// present the site's own certificate.
/// </summary>
[Category("ScaleOut")]
[NonParallelizable]
public sealed class AClosedCluster
{
    private ScaledOutSite _site = null!;

    [OneTimeSetUp]
    public async Task StartSite() => _site = await ScaledOutSite.Start(2);

    [OneTimeTearDown]
    public async Task StopSite() => await _site.DisposeAsync();

    [Test]
    public void EachInstanceListensOnItsAdvertisedAddressForItsSiteAndItsSiloOnly()
    {
        foreach (var instance in _site.Instances)
        {
            var listening = ListeningSockets.Of(instance.Id);

            Assert.That(listening, Has.Count.EqualTo(2), $"the site and the silo, no Orleans gateway: {string.Join(", ", listening)}");
            Assert.That(listening.Select(socket => socket.Address), Is.All.EqualTo(IPAddress.Loopback), "the advertised address, not every interface");
            Assert.That(listening.Select(socket => socket.Port), Does.Contain(instance.BaseAddress.Port));
            Assert.That(instance.Output.Count(line => line.Contains("Silos talk over TLS", StringComparison.Ordinal)), Is.EqualTo(1), "the test support gave it the run's certificate");
        }
    }

    [Test]
    public async Task AStrangerAtTheSiloPortCallsNoGrainAndThePeopleChatOn()
    {
        using var stranger = X509Certificate2.CreateFromPemFile(await TestCertificates.Stranger());
        using var cluster = X509Certificate2.CreateFromPemFile(await TestCertificates.Cluster());
        var ports = _site.Instances
            .SelectMany(instance => ListeningSockets.Of(instance.Id).Select(socket => socket.Port).Where(port => port != instance.BaseAddress.Port))
            .ToList();
        Assert.That(ports, Is.Not.Empty);

        foreach (var port in ports)
        {
            Assert.That(await CallABarsGrain(port, tls: null), Is.Not.Null, $"an Orleans client without TLS, at port {port}");
            Assert.That(await CallABarsGrain(port, tls: client => client.UseTls(stranger, options => options.AllowAnyRemoteCertificate())), Is.Not.Null, $"an Orleans client with a stranger's certificate, at port {port}");
            var reply = await FirstReply(port);
            Assert.That(reply.Length == 0 || reply[0] == TlsAlert, Is.True, $"a peer speaking Orleans in the clear, at port {port}, hears nothing but a TLS alert: {Convert.ToHexString(reply)}");
            Assert.That(await TlsHandshake(port, presenting: null), Is.False, $"a TLS peer presenting no certificate, at port {port}");
            Assert.That(await TlsHandshake(port, presenting: stranger), Is.False, $"a TLS peer presenting a stranger's self-signed certificate, at port {port}");
            Assert.That(await TlsHandshake(port, presenting: cluster), Is.True, $"the site's own certificate is let in at port {port}: the others were refused for their certificate");
        }

        var (first, second) = await _site[0].OpenPair(_site[1]);
        await using var _ = first;
        await using var __ = second;

        await first.Send("still here across the instances");
        await second.WaitForLine("Stranger: still here across the instances");
        await second.Send("so am I");
        await first.WaitForLine("Stranger: so am I");
        Assert.That(_site.Instances.SelectMany(instance => instance.Output), Has.None.Contains("is dead"), "no silo was declared dead meanwhile");
    }

    [Test]
    public async Task ScaledOutOnANetworkAddressWithoutACertificateTheInstanceDoesNotStartAndNamesTheSetting()
    {
        var folder = Directory.CreateTempSubdirectory("remandzana-refused-").FullName;
        try
        {
            var run = await Command.Run(
                "dotnet",
                [Path.Combine(AppProcess.WebOutput(), "Remandzana.Web.dll"), "--urls", "http://127.0.0.1:0"],
                TimeSpan.FromSeconds(60),
                new Dictionary<string, string>
                {
                    ["ASPNETCORE_ENVIRONMENT"] = "Production",
                    ["Remandzana__KeyRing__Directory"] = Path.Combine(folder, "keys"),
                    ["Remandzana__Feedback__Directory"] = Path.Combine(folder, "feedback"),
                    ["Remandzana__Backplane__Redis"] = _site.Redis.ConnectionString,
                    ["Remandzana__Backplane__KeyPrefix"] = "refused",
                    ["Remandzana__Backplane__SiloPort"] = $"{FreePort.Next()}",
                    // A documentation address (TEST-NET-1): what other machines would reach, were it this host's.
                    ["Remandzana__Backplane__AdvertisedAddress"] = "192.0.2.77",
                },
                folder);

            Assert.That(run.Succeeded, Is.False, run.Output);
            Assert.That(run.Output, Does.Contain("Remandzana:Backplane:Certificate is required"));
            Assert.That(run.Output, Does.Not.Contain("Now listening on"), "no page was ever served");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task ALoopbackClusterWithoutACertificateRunsInTheClearAndSaysSoOnce()
    {
        await using var plain = await ScaledOutSite.Start(1, _site.Redis, new Dictionary<string, string>
        {
            ["Remandzana__Backplane__Certificate"] = "",
            ["Remandzana__Backplane__KeyPrefix"] = "plain",
        });

        var said = plain[0].Output.Where(line => line.Contains("Silos talk without TLS", StringComparison.Ordinal)).ToList();
        Assert.That(said, Has.Count.EqualTo(1));
        Assert.That(said[0], Does.Contain("INFO").And.Contain("127.0.0.1").And.Contain("Remandzana:Backplane:Certificate"));
        Assert.That(ListeningSockets.Of(plain[0].Id).Select(socket => socket.Address), Is.All.EqualTo(IPAddress.Loopback));
    }

    private const byte TlsAlert = 0x15;

    /// <summary>What an Orleans client gets when it calls the operator's bars grain through the port: null when the call was answered.</summary>
    private static async Task<Exception?> CallABarsGrain(int port, Action<IClientBuilder>? tls)
    {
        using var host = new HostBuilder()
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.None))
            .UseOrleansClient(client =>
            {
                client.UseStaticClustering(new IPEndPoint(IPAddress.Loopback, port));
                // The first refusal ends the attempt (by default a client keeps trying).
                client.UseConnectionRetryFilter((_, _) => Task.FromResult(false));
                client.Configure<ClusterOptions>(options =>
                {
                    options.ClusterId = "rz";
                    options.ServiceId = "remandzana";
                });
                tls?.Invoke(client);
            })
            .Build();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await host.StartAsync(bound.Token);
            await host.Services.GetRequiredService<IClusterClient>().GetGrain<IBarsGrain>(0).Publish("stranger", []).WaitAsync(bound.Token);
            return null;
        }
        catch (Exception failure)
        {
            return failure;
        }
        finally
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await host.StopAsync(stop.Token);
            }
            catch (Exception)
            {
                // A client that never connected may not stop cleanly either.
            }
        }
    }

    /// <summary>
    /// Connects in the clear and writes what a silo writes first (a length-prefixed preamble), then
    /// reads until the silo hangs up: a silo in the clear answers with its own preamble at once.
    /// </summary>
    private static async Task<byte[]> FirstReply(int port)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        var stream = tcp.GetStream();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var received = new List<byte>();
        try
        {
            await stream.WriteAsync(new byte[] { 16, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 }, bound.Token);
            var buffer = new byte[4096];
            for (int read; (read = await stream.ReadAsync(buffer, bound.Token)) > 0;)
            {
                received.AddRange(buffer[..read]);
            }
        }
        catch (IOException)
        {
            // Reset by the silo.
        }

        return [.. received];
    }

    /// <summary>
    /// Whether the silo keeps a TLS connection that presents <paramref name="presenting"/>: it then
    /// speaks (its preamble); otherwise it ends the handshake (in TLS 1.3 the client learns it at its first read).
    /// </summary>
    private static async Task<bool> TlsHandshake(int port, X509Certificate2? presenting)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false, userCertificateValidationCallback: (_, certificate, _, _) => certificate is not null);
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await tls.AuthenticateAsClientAsync(
                new SslClientAuthenticationOptions
                {
                    TargetHost = "remandzana-cluster",
                    LocalCertificateSelectionCallback = (_, _, _, _, _) => presenting!,
                    EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                },
                bound.Token);
            return await tls.ReadAsync(new byte[256], bound.Token) > 0;
        }
        catch (Exception failure) when (failure is AuthenticationException or IOException)
        {
            return false;
        }
    }
}
