using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Remandzana.Domain.Lines;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Docker;

/// <summary>
/// Builds the real Dockerfile (on local stand-ins for the Microsoft base images, which cannot be
/// pulled here), runs the image with the host's network on a loopback port, and chats through it.
/// </summary>
[Category("Docker")]
[NonParallelizable]
public sealed class ContainerImage
{
    private const string Image = "remandzana:test";
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(10);

    private DockerDaemon? _docker;

    [OneTimeSetUp]
    public async Task StartDocker()
    {
        SystemRequirement.Program("debootstrap", "debootstrap");
        _docker = await DockerDaemon.Start();

        var standIns = await Command.Run("bash", [Path.Combine(Repository.Root(), ".ci", "docker", "stand-in-images.sh")], Long, _docker.Environment.ToDictionary());
        TestContext.Progress.WriteLine($"stand-in base images: {standIns.Elapsed.TotalSeconds:F0} s");
        Assert.That(standIns.Succeeded, standIns.Output);

        var build = await _docker.Docker(["build", "--network", "host", "--rm", "--force-rm", "-t", Image, "."], Long, Repository.Root());
        TestContext.Progress.WriteLine($"docker build: {build.Elapsed.TotalSeconds:F0} s");
        // Failed builds leave containers behind, and each rebuild leaves the previous image dangling.
        await _docker.Docker(["container", "prune", "--force"], TimeSpan.FromMinutes(1));
        await _docker.Docker(["image", "prune", "--force"], TimeSpan.FromMinutes(1));
        Assert.That(build.Succeeded, build.Output);
    }

    [OneTimeTearDown]
    public async Task StopDocker()
    {
        if (_docker is not null)
        {
            await _docker.DisposeAsync();
        }
    }

    [Test]
    public async Task TheImageRunsAsNonRootWithVolumesAndAHealthCheck()
    {
        var inspect = await _docker!.Docker(["image", "inspect", Image], TimeSpan.FromMinutes(1));
        Assert.That(inspect.Succeeded, inspect.Output);
        var config = JsonDocument.Parse(inspect.Output).RootElement[0].GetProperty("Config");

        Assert.That(config.GetProperty("User").GetString(), Is.Not.Empty.And.Not.EqualTo("root").And.Not.EqualTo("0"));
        Assert.That(config.GetProperty("Volumes").EnumerateObject().Select(volume => volume.Name), Is.EquivalentTo(new[] { "/data/feedback", "/data/reports", "/data/keys", "/data/audit", "/data/state" }));
        Assert.That(config.GetProperty("ExposedPorts").EnumerateObject().Select(port => port.Name), Is.EquivalentTo(new[] { "8080/tcp", "11111/tcp" }), "the site, and the silo port for scaling out (no Orleans gateway)");
        Assert.That(string.Join(' ', config.GetProperty("Healthcheck").GetProperty("Test").EnumerateArray().Select(part => part.GetString())), Does.Contain("--healthcheck"));
        Assert.That(config.GetProperty("Env").EnumerateArray().Select(setting => setting.GetString()), Does.Contain("Remandzana__Feedback__Directory=/data/feedback").And.Contain("Remandzana__Reports__Directory=/data/reports").And.Contain("Remandzana__KeyRing__Directory=/data/keys").And.Contain("Remandzana__Console__AuditFile=/data/audit/operator-audit.jsonl").And.Contain("Remandzana__Console__StateDirectory=/data/state"));
    }

    [Test]
    public async Task TheContainerBecomesHealthyChatsOverTwoAndStopsCleanly()
    {
        var port = FreePort.Next();
        var name = $"remandzana-test-{Guid.NewGuid():N}";
        var run = await _docker!.Docker(
            [
                "run", "--detach", "--pull=never", "--network", "host", "--name", name,
                "--health-interval", "1s", "--health-start-period", "30s",
                "-e", $"ASPNETCORE_URLS=http://127.0.0.1:{port}",
                "-e", "Remandzana__Chat__HeartbeatSeconds=5",
                // On the host's network: a free silo port, not the default another process on this machine may hold.
                "-e", $"Remandzana__Backplane__SiloPort={FreePort.Next()}",
                Image,
            ],
            TimeSpan.FromMinutes(1));
        Assert.That(run.Succeeded, run.Output);
        try
        {
            await WaitUntilHealthy(name);
            var user = await _docker.Docker(["exec", name, "id", "-u"], TimeSpan.FromMinutes(1));
            Assert.That(user.Output.Trim(), Is.EqualTo("1654"), "the app runs as the image's unprivileged user");

            var address = new Uri($"http://127.0.0.1:{port}/");
            var (alice, bob) = await Pairing.OpenPair(Browser(address), Browser(address));
            await using var _ = alice;
            await using var __ = bob;
            Assert.That((await alice.Send("hello from a container")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            await bob.WaitForLine("Stranger: hello from a container");
            Assert.That((await bob.Send("hello back")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            await alice.WaitForLine("Stranger: hello back");

            var stopwatch = Stopwatch.StartNew();
            var stop = await _docker.Docker(["stop", "--time", "15", name], TimeSpan.FromMinutes(1));
            TestContext.Progress.WriteLine($"docker stop with two open streams: {stopwatch.ElapsedMilliseconds} ms");
            Assert.That(stop.Succeeded, stop.Output);
            await alice.WaitForEnd();
            await bob.WaitForEnd();
            Assert.That(alice.LineTexts[^1], Is.EqualTo(Notices.ServerStopping));
            var exit = await _docker.Docker(["inspect", "--format", "{{.State.ExitCode}}", name], TimeSpan.FromMinutes(1));
            Assert.That(exit.Output.Trim(), Is.EqualTo("0"), "SIGTERM ends the app cleanly, not by the 15 s kill");
        }
        finally
        {
            var logs = await _docker.Docker(["logs", "--tail", "40", name], TimeSpan.FromMinutes(1));
            TestContext.Out.WriteLine(logs.Output);
            await _docker.Docker(["rm", "--force", "--volumes", name], TimeSpan.FromMinutes(1));
        }
    }

    [Test]
    public async Task TheCaptchaPictureAndRecordingAreMadeInTheContainerFromTheShippedFontAndClips()
    {
        var port = FreePort.Next();
        var name = $"remandzana-test-{Guid.NewGuid():N}";
        var run = await _docker!.Docker(
            [
                "run", "--detach", "--pull=never", "--network", "host", "--name", name,
                "--health-interval", "1s", "--health-start-period", "30s",
                "-e", $"ASPNETCORE_URLS=http://127.0.0.1:{port}",
                "-e", "Remandzana__Captcha__Mode=Always",
                "-e", $"Remandzana__Backplane__SiloPort={FreePort.Next()}",
                Image,
            ],
            TimeSpan.FromMinutes(1));
        Assert.That(run.Succeeded, run.Output);
        try
        {
            await WaitUntilHealthy(name);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
            var form = Captchas.Read(new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await http.GetStringAsync("/two")));
            Assert.That(form, Is.Not.Null, "a challenge instead of the chat");

            using var picture = await http.GetAsync(form!.Picture);

            Assert.That(picture.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            using var bitmap = SkiaSharp.SKBitmap.Decode(await picture.Content.ReadAsByteArrayAsync());
            Assert.That((bitmap.Width, bitmap.Height), Is.EqualTo((Remandzana.Web.Captcha.CaptchaPicture.Width, Remandzana.Web.Captcha.CaptchaPicture.Height)));

            // The image has no espeak-ng and no sox: the recording is mixed from the clips it ships.
            using var recording = await http.GetAsync(form.Recording);
            Assert.That(recording.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(recording.Content.Headers.ContentType?.MediaType, Is.EqualTo("audio/wav"));
            using var wav = new NAudio.Wave.WaveFileReader(new MemoryStream(await recording.Content.ReadAsByteArrayAsync()));
            Assert.That(wav.TotalTime, Is.GreaterThan(TimeSpan.FromSeconds(3)));
        }
        finally
        {
            var logs = await _docker.Docker(["logs", "--tail", "40", name], TimeSpan.FromMinutes(1));
            TestContext.Out.WriteLine(logs.Output);
            await _docker.Docker(["rm", "--force", "--volumes", name], TimeSpan.FromMinutes(1));
        }
    }

    private static HttpClient Browser(Uri address) =>
        new(new SocketsHttpHandler { MaxResponseDrainSize = 0 }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Polls Docker's own health status (the image's HEALTHCHECK); a stopped or unhealthy container fails at once.</summary>
    private async Task WaitUntilHealthy(string name)
    {
        var status = "";
        await Eventually.That(
            async () =>
            {
                var inspect = await _docker!.Docker(["inspect", "--format", "{{.State.Status}} {{.State.Health.Status}}", name], TimeSpan.FromMinutes(1));
                status = inspect.Output.Trim();
                if (!status.StartsWith("running", StringComparison.Ordinal) || status.EndsWith("unhealthy", StringComparison.Ordinal))
                {
                    Assert.Fail($"The container stopped or became unhealthy ({status}); its logs follow the test.");
                }

                return status == "running healthy";
            },
            "the container to become healthy",
            () => $"{status}; its logs follow the test",
            within: TimeSpan.FromMinutes(1));
    }

}
