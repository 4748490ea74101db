using Remandzana.Tests.Support;

namespace Remandzana.Tests.Operations;

[Category("Web")]
public sealed class ResponseHeaders
{
    private RemandzanaApp _app = null!;

    [OneTimeSetUp]
    public void StartApp() => _app = new RemandzanaApp();

    [OneTimeTearDown]
    public async Task StopApp() => await _app.DisposeAsync();

    [TestCase("/")]
    [TestCase("/about")]
    [TestCase("/healthz")]
    [TestCase("/css/site.css")]
    [TestCase("/no-such-page")]
    public async Task NoServerHeaderAndNoSniffingOnEveryResponse(string path)
    {
        using var http = _app.NewClient();

        using var response = await http.GetAsync(path);

        Assert.That(response.Headers.Contains("Server"), Is.False, $"{path} names the server");
        Assert.That(response.Headers.TryGetValues("X-Content-Type-Options", out var sniffing) ? sniffing : [], Is.EqualTo(new[] { "nosniff" }), path);
    }

    [Test]
    public async Task AChatStreamHasNoServerHeaderAndNoSniffingEither()
    {
        await using var chat = await _app.OpenChat("/two");

        Assert.That(chat.Response.Headers.Contains("Server"), Is.False);
        Assert.That(chat.Response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
    }
}
