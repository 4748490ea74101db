using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Remandzana.Web.Health;

/// <summary>
/// One side of a warm-up conversation, as a browser with scripts off has it: a chat page read as a
/// stream, and the send form posted with each answer's next token, until the warm-up ends.
/// </summary>
public sealed partial class WarmUpTalker(HttpClient http, string query) : IAsyncDisposable
{
    private static readonly TimeSpan FloodGatePause = TimeSpan.FromMilliseconds(250);

    private HttpResponseMessage? _page;
    private Task? _reading;
    private string? _token;

    public int Sent { get; private set; }

    /// <summary>Opens the chat page and reads it until its send form's token has arrived; the rest of the stream is read and dropped.</summary>
    public async Task Open(CancellationToken cancellation)
    {
        _page = await http.GetAsync($"/two{query}", HttpCompletionOption.ResponseHeadersRead, cancellation);
        _page.EnsureSuccessStatusCode();
        var stream = await _page.Content.ReadAsStreamAsync(cancellation);
        var buffer = new byte[8192];
        var preamble = new StringBuilder();
        while (_token is null)
        {
            var read = await stream.ReadAsync(buffer, cancellation);
            if (read == 0)
            {
                throw new InvalidOperationException("The warm-up's chat page ended before its send form arrived.");
            }

            preamble.Append(Encoding.UTF8.GetString(buffer, 0, read));
            _token = TokenOf(preamble.ToString());
        }

        _reading = Drain(stream, buffer, cancellation);
    }

    /// <summary>Sends as fast as the flood gate lets one person, until cancelled or the form stops answering.</summary>
    public async Task Talk(CancellationToken cancellation)
    {
        while (!cancellation.IsCancellationRequested && _token is not null)
        {
            using var form = new FormUrlEncodedContent([new("token", _token), new("message", $"warm-up {Sent}")]);
            using var answer = await http.PostAsync($"/send{query}", form, cancellation);
            if (answer.StatusCode == HttpStatusCode.TooManyRequests)
            {
                await Task.Delay(FloodGatePause, cancellation);
            }
            else if (answer.StatusCode != HttpStatusCode.OK)
            {
                return;
            }
            else
            {
                Sent++;
            }

            _token = TokenOf(await answer.Content.ReadAsStringAsync(cancellation));
        }
    }

    public async ValueTask DisposeAsync()
    {
        _page?.Dispose();
        if (_reading is not null)
        {
            await _reading.ContinueWith(static _ => { }, TaskScheduler.Default);
        }
    }

    private static async Task Drain(Stream stream, byte[] buffer, CancellationToken cancellation)
    {
        while (await stream.ReadAsync(buffer, cancellation) > 0)
        {
        }
    }

    private static string? TokenOf(string html) => Token().Match(html) is { Success: true } match ? match.Groups["token"].Value : null;

    /// <summary>The form's token, in an answer or inside the page's srcdoc (where the quotes are encoded).</summary>
    [GeneratedRegex("""name=(?:"|&quot;)token(?:"|&quot;) value=(?:"|&quot;)(?<token>[A-Za-z0-9_-]+)""")]
    private static partial Regex Token();
}
