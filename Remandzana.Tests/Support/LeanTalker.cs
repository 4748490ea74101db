using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using Remandzana.Domain.Lines;

namespace Remandzana.Tests.Support;

/// <summary>
/// A chat client that keeps nothing of what it reads (for floods, where keeping the whole page
/// would blur the server's memory): it only notes whether the partner left and when the page ends.
/// </summary>
public sealed class LeanTalker : IAsyncDisposable
{
    private static readonly HtmlParser Parser = new();
    private static readonly string Left = WebUtility.HtmlEncode(Notices.StrangerLeft);

    private readonly HttpClient _http;
    private Task _reading = Task.CompletedTask;
    private string _token = "";

    private LeanTalker(HttpClient http) => _http = http;

    public bool SawPartnerLeave { get; private set; }

    public static async Task<LeanTalker> Open(RemandzanaApp app, string path)
    {
        var talker = new LeanTalker(app.NewClient());
        var response = await talker._http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        var stream = await response.Content.ReadAsStreamAsync();
        var preamble = new StringBuilder();
        var buffer = new byte[8192];
        while (!preamble.ToString().Contains("</iframe>", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer);
            Assert.That(read, Is.Positive, "the page ended before its form arrived");
            preamble.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        var srcdoc = Parser.ParseDocument(preamble.ToString()).QuerySelector("iframe.send")!.GetAttribute("srcdoc")!;
        talker._token = Parser.ParseDocument(srcdoc).QuerySelector("input[name=token]")!.GetAttribute("value")!;
        talker._reading = talker.Discard(stream, buffer);
        return talker;
    }

    private async Task Discard(Stream stream, byte[] buffer)
    {
        var tail = "";
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            var text = tail + Encoding.UTF8.GetString(buffer, 0, read);
            SawPartnerLeave |= text.Contains(Left, StringComparison.Ordinal);
            tail = text[^Math.Min(text.Length, Left.Length)..];
        }
    }

    public async Task<HttpStatusCode> Send(string message)
    {
        using var response = await _http.PostAsync("/send", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = _token, ["message"] = message }));
        var form = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        _token = form.QuerySelector("input[name=token]")?.GetAttribute("value") ?? _token;
        return response.StatusCode;
    }

    public Task WaitForEnd() => _reading.WaitAsync(TimeSpan.FromSeconds(10));

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _reading.ContinueWith(_ => { }, TaskScheduler.Default);
    }
}
