using System.Net;
using Remandzana.Tests.Support;
using Remandzana.Web.Hosting;

namespace Remandzana.Tests.Operations;

[Category("Web")]
public sealed class HealthEndpoint
{
    [Test]
    public async Task IsHealthyWhenTheFeedbackFolderIsWritableAndTheKeyRingReadable()
    {
        await using var app = new RemandzanaApp();
        using var http = app.NewClient();

        using var response = await http.GetAsync("/healthz");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
        Assert.That(Directory.Exists(Path.Combine(app.Folder, "feedback")), Is.True, "the check makes the folder it needs");
    }

    [Test]
    public async Task IsUnhealthyWhenTheFeedbackFolderCannotBeWritten()
    {
        // A regular file where the folder should be: not writable even for root.
        var folder = Directory.CreateTempSubdirectory("remandzana-health-").FullName;
        var notAFolder = Path.Combine(folder, "feedback");
        await File.WriteAllTextAsync(notAFolder, "a file, not a folder");
        try
        {
            await using var app = new RemandzanaApp(new Dictionary<string, string?> { ["Remandzana:Feedback:Directory"] = notAFolder });
            using var http = app.NewClient();

            using var response = await http.GetAsync("/healthz");

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Unhealthy"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task IsUnhealthyWhenTheKeyRingFolderCannotBeRead()
    {
        var folder = Directory.CreateTempSubdirectory("remandzana-health-").FullName;
        await using var app = new RemandzanaApp(new Dictionary<string, string?> { ["Remandzana:KeyRing:Directory"] = Path.Combine(folder, "keys") });
        using var http = app.NewClient();
        Assert.That((await http.GetAsync("/healthz")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        Directory.Delete(folder, recursive: true);
        await File.WriteAllTextAsync(folder, "a file where the key ring's parent folder was");
        try
        {
            using var response = await http.GetAsync("/healthz");

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        }
        finally
        {
            File.Delete(folder);
        }
    }

    [Test]
    public async Task TheDockerHealthProbeSucceedsAgainstARunningAppAndFailsWithoutOne()
    {
        await using var app = new RemandzanaApp();
        var closed = new UriBuilder(app.BaseAddress) { Port = FreePort.Next() }.Uri;

        Assert.That(await HealthProbe.RunAsync(["--healthcheck", "--urls", app.BaseAddress.ToString()]), Is.Zero);
        Assert.That(await HealthProbe.RunAsync(["--healthcheck", "--urls", closed.ToString()]), Is.EqualTo(1));
    }

    [TestCase("http://+:8080", "http://127.0.0.1:8080")]
    [TestCase("http://*:8080;http://127.0.0.1:9", "http://127.0.0.1:8080")]
    [TestCase("http://0.0.0.0:5000", "http://127.0.0.1:5000")]
    [TestCase("http://127.0.0.1:18080", "http://127.0.0.1:18080")]
    public void TheHealthProbeAsksTheAddressTheAppListensOn(string urls, string expected) =>
        Assert.That(HealthProbe.LocalAddress(["--urls", urls]), Is.EqualTo(expected));
}
