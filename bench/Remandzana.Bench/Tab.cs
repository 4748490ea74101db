using System.Diagnostics;
using System.Net;

namespace Remandzana.Bench;

/// <summary>
/// One chat page in a browser with scripts off: the long response read as it arrives, and the
/// send form's current token (from the iframe's srcdoc, then from each post's answer).
/// </summary>
public sealed class Tab : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly Stream _stream;
    private readonly PageScanner _scanner;
    private readonly TaskCompletionSource _found = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Action<Tab, SeenLine>? _onLine;
    private Task _reading = Task.CompletedTask;

    private Tab(HttpResponseMessage response, Stream stream, PageScanner scanner)
    {
        _response = response;
        _stream = stream;
        _scanner = scanner;
        Token = scanner.Token;
    }

    /// <summary>The token the next post must carry.</summary>
    public string? Token { get; set; }

    public int Heartbeats => _scanner.Heartbeats;

    /// <summary>The response ended (the server closed the conversation or the connection broke).</summary>
    public bool Ended { get; private set; }

    /// <summary>Completes when a "found" system line arrives: the person is in a room.</summary>
    public Task Found => _found.Task;

    /// <summary>Any number the caller wants to keep with the tab (e.g. its index).</summary>
    public int Number { get; init; }

    /// <summary>Which of the bases (the instances of a scaled-out site) holds this page's stream; 0 with one base.</summary>
    public int Instance { get; init; }

    /// <summary>Opens <paramref name="path"/> and reads until the preamble with the send form has arrived.</summary>
    public static async Task<Tab> Open(HttpClient http, string path, CancellationToken cancellation, int number = 0, int instance = 0)
    {
        var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellation);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            response.Dispose();
            throw new HttpRequestException($"GET {path} answered {(int)response.StatusCode}.");
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellation);
        var scanner = new PageScanner();
        var pending = new List<SeenLine>();
        while (!scanner.PreambleSeen)
        {
            var read = await stream.ReadAsync(scanner.FreeSpace(), cancellation);
            if (read == 0)
            {
                response.Dispose();
                throw new HttpRequestException($"GET {path} ended before its preamble.");
            }

            scanner.Advance(read, Stopwatch.GetTimestamp(), pending.Add);
        }

        var tab = new Tab(response, stream, scanner) { Number = number, Instance = instance };
        foreach (var line in pending)
        {
            tab.Seen(line);
        }

        return tab;
    }

    /// <summary>Keeps reading in the background, calling <paramref name="onLine"/> for every line (on the reading task).</summary>
    public void StartReading(Action<Tab, SeenLine>? onLine = null)
    {
        _onLine = onLine;
        _reading = Task.Run(ReadAll);
    }

    private async Task ReadAll()
    {
        try
        {
            while (true)
            {
                var read = await _stream.ReadAsync(_scanner.FreeSpace());
                if (read == 0)
                {
                    break;
                }

                _scanner.Advance(read, Stopwatch.GetTimestamp(), Seen);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or HttpRequestException or OperationCanceledException or NullReferenceException)
        {
            // Closed by this side, or the connection broke: either way the tab has ended. (A
            // response disposed under a pending read can also throw NullReferenceException from
            // HttpClient's chunked reader; it ended the hold workers before their last answer.)
        }

        Ended = true;
    }

    private void Seen(SeenLine line)
    {
        if (line.IsSystem("found"))
        {
            _found.TrySetResult();
        }

        _onLine?.Invoke(this, line);
    }

    /// <summary>Posts <paramref name="message"/> with the current form and keeps the next form's token.</summary>
    /// <returns>The answer's status code.</returns>
    public async Task<HttpStatusCode> Send(HttpClient http, string message, CancellationToken cancellation)
    {
        using var content = new FormUrlEncodedContent([new("token", Token ?? ""), new("message", message)]);
        using var answer = await http.PostAsync("/send", content, cancellation);
        var form = await answer.Content.ReadAsStringAsync(cancellation);
        if (answer.StatusCode is HttpStatusCode.OK && PageScanner.FormToken(form) is { } next)
        {
            Token = next;
        }

        return answer.StatusCode;
    }

    /// <summary>Closes the tab: the connection goes away at once (the client does not drain the response).</summary>
    public async ValueTask DisposeAsync()
    {
        _response.Dispose();
        await _reading;
    }
}
