using System.IO.Compression;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Remandzana.Tests.Support;

/// <summary>
/// A browser without scripts, as far as a chat page goes: reads the page as it streams,
/// finds the send form inside the iframe's srcdoc, and posts messages with it.
/// </summary>
public sealed class ChatClient : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly HtmlParser Parser = new();

    private readonly HttpClient _http;
    private readonly StringBuilder _received = new();
    private readonly object _gate = new();
    private TaskCompletionSource _changed = NewSignal();
    private HttpResponseMessage? _response;
    private Task? _reading;

    public ChatClient(HttpClient http) => _http = http;

    public HttpResponseMessage Response => _response ?? throw new InvalidOperationException("Open a page first.");

    /// <summary>The send form currently shown in the iframe (updated by each post's answer).</summary>
    public IDocument Form { get; private set; } = Parser.ParseDocument("");

    public string? Token => Form.QuerySelector("input[name=token]")?.GetAttribute("value");

    public bool Ended { get; private set; }

    public async Task Open(string path)
    {
        _response = await _http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        var stream = Decoded(_response.Content, await _response.Content.ReadAsStreamAsync());
        _reading = Task.Run(() => ReadAll(stream));
        var iframe = await WaitFor(page => page.QuerySelector("iframe.send[srcdoc]"));
        Form = Parser.ParseDocument(iframe.GetAttribute("srcdoc")!);
    }

    /// <summary>Through nginx with Accept-Encoding: gzip, bodies arrive compressed.</summary>
    private static Stream Decoded(HttpContent content, Stream body) =>
        content.Headers.ContentEncoding.Contains("gzip") ? new GZipStream(body, CompressionMode.Decompress) : body;

    private async Task ReadAll(Stream stream)
    {
        var decoder = Encoding.UTF8.GetDecoder();
        var bytes = new byte[4096];
        var chars = new char[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(bytes)) > 0)
            {
                var count = decoder.GetChars(bytes, 0, read, chars, 0);
                Append(chars.AsSpan(0, count), ended: false);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or HttpRequestException or OperationCanceledException or NullReferenceException)
        {
            // The connection was closed by this client. HttpClient's chunked reader throws a
            // NullReferenceException when its response is disposed under a pending read.
        }

        Append([], ended: true);
    }

    private void Append(ReadOnlySpan<char> text, bool ended)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _received.Append(text);
            Ended |= ended;
            changed = _changed;
            _changed = NewSignal();
        }

        changed.SetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Everything received so far, parsed as the browser would have it now.</summary>
    public IDocument Page
    {
        get
        {
            lock (_gate)
            {
                return Parser.ParseDocument(_received.ToString());
            }
        }
    }

    /// <summary>Everything received so far, as the server wrote it.</summary>
    public string Source
    {
        get
        {
            lock (_gate)
            {
                return _received.ToString();
            }
        }
    }

    /// <summary>The log's lines, oldest first (the page shows them newest first).</summary>
    public IReadOnlyList<IElement> Lines => Page.QuerySelectorAll(".log div.line").ToList();

    public IReadOnlyList<string> LineTexts => Lines.Select(line => line.TextContent).ToList();

    public IReadOnlyList<string> ChatTexts => Page.QuerySelectorAll(".log div.line.chat").Select(line => line.TextContent).ToList();

    /// <summary>Waits until what was received satisfies <paramref name="find"/>; fails the test after a while.</summary>
    public async Task<T> WaitFor<T>(Func<IDocument, T?> find, string? what = null)
        where T : class
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            Task changed;
            bool ended;
            lock (_gate)
            {
                changed = _changed.Task;
                ended = Ended;
            }

            if (find(Page) is { } found)
            {
                return found;
            }

            if (ended)
            {
                Assert.Fail($"The stream ended without {what ?? "what was awaited"}. Lines: {string.Join(" | ", LineTexts)}");
            }

            try
            {
                await changed.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Timed out waiting for {what ?? "the stream"}. Lines: {string.Join(" | ", LineTexts)}");
            }
        }
    }

    public Task<IElement> WaitForLine(string containing) =>
        WaitFor(page => page.QuerySelectorAll(".log div.line").FirstOrDefault(line => line.TextContent.Contains(containing, StringComparison.Ordinal)), $"a line with \"{containing}\"");

    /// <summary>Waits until the server ends the response.</summary>
    public async Task WaitForEnd()
    {
        if (_reading is null)
        {
            throw new InvalidOperationException("Open a page first.");
        }

        await _reading.WaitAsync(Patience);
    }

    /// <summary>Posts the current form with <paramref name="message"/>; on success the answer becomes the new form.</summary>
    /// <param name="via">Another site instance to post to (behind a round-robin proxy a send may land on any).</param>
    public async Task<HttpResponseMessage> Send(string message, string? token = null, HttpClient? via = null)
    {
        var fields = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token ?? Token ?? "", ["message"] = message });
        var action = Form.QuerySelector("form.compose[action]")?.GetAttribute("action") ?? "/send";
        var response = await (via ?? _http).PostAsync(action, fields);
        var body = await new StreamReader(Decoded(response.Content, await response.Content.ReadAsStreamAsync())).ReadToEndAsync();
        if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest)
        {
            Form = Parser.ParseDocument(body);
        }

        LastAnswer = Parser.ParseDocument(body);
        return response;
    }

    /// <summary>Presses the form's Report button (posts its token to /report); the answer becomes the new form.</summary>
    public async Task<HttpResponseMessage> Report(string? token = null)
    {
        var fields = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token ?? Form.QuerySelector("form.report input[name=token]")?.GetAttribute("value") ?? "" });
        var action = Form.QuerySelector("form.report[action]")?.GetAttribute("action") ?? "/report";
        var response = await _http.PostAsync(action, fields);
        var body = await new StreamReader(Decoded(response.Content, await response.Content.ReadAsStreamAsync())).ReadToEndAsync();
        LastAnswer = Parser.ParseDocument(body);
        Form = LastAnswer;
        return response;
    }

    /// <summary>Presses "Save conversation" in the current form (the last one this person holds): the answer is the file, or the form again.</summary>
    /// <param name="via">Another site instance to post to.</param>
    public async Task<(HttpResponseMessage Response, string Body)> SaveConversation(string typed = "", HttpClient? via = null, string path = "/transcript")
    {
        var fields = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = Token ?? "", ["message"] = typed });
        var response = await (via ?? _http).PostAsync(path, fields);
        return (response, await new StreamReader(Decoded(response.Content, await response.Content.ReadAsStreamAsync())).ReadToEndAsync());
    }

    /// <summary>The document the last post answered with.</summary>
    public IDocument LastAnswer { get; private set; } = Parser.ParseDocument("");

    public Task<HttpResponseMessage> Post(IEnumerable<KeyValuePair<string, string>> fields) =>
        _http.PostAsync("/send", new FormUrlEncodedContent(fields));

    /// <summary>Closes the tab: the connection goes away.</summary>
    public async ValueTask DisposeAsync()
    {
        _response?.Dispose();
        _http.Dispose();
        if (_reading is not null)
        {
            await _reading;
        }
    }
}
