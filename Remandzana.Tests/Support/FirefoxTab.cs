using System.Collections.Concurrent;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using WebDriverBiDi;
using WebDriverBiDi.Browser;
using WebDriverBiDi.BrowsingContext;
using WebDriverBiDi.Input;
using WebDriverBiDi.Network;
using WebDriverBiDi.Script;

namespace Remandzana.Tests.Support;

/// <summary>
/// One window of the run's <see cref="Firefox"/>, in a user context of its own. A person's actions
/// (a click where the element is shown, keys on the keyboard) and what the page shows (its HTML as
/// the browser parsed it, a screenshot) and fetched (every finished response, with its body).
/// </summary>
public sealed class FirefoxTab : IAsyncDisposable
{
    /// <summary>Response bodies larger than this are recorded without their bytes.</summary>
    internal const ulong MaxBodyBytes = 16 * 1024 * 1024;

    /// <summary>How long a wait for a response lasts before the test fails.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    // Nothing announces that a streamed page grew: with the page's scripts off, Firefox ESR 153 still runs a
    // BiDi preload script, but never calls back its MutationObserver or event listeners. So waits
    // on the page read it again (Eventually) until the condition holds.

    private static readonly HtmlParser Parser = new();

    private readonly Firefox _firefox;
    private readonly string _collector;
    private readonly ConcurrentQueue<FetchedResponse> _responses = new();
    private readonly List<(Func<FetchedResponse, bool> Matches, TaskCompletionSource<FetchedResponse> Fetched)> _awaited = [];
    private readonly Lock _awaitedLock = new();
    private bool _closed;

    internal FirefoxTab(Firefox firefox, Uri site, string context, string userContext, string collector)
    {
        _firefox = firefox;
        Site = site;
        ContextId = context;
        UserContextId = userContext;
        _collector = collector;
    }

    public Uri Site { get; }

    internal string ContextId { get; }

    internal string UserContextId { get; }

    private BiDiDriver Driver => _firefox.Driver;

    /// <summary>Every response this tab's pages and frames finished receiving, as recorded so far.</summary>
    public IReadOnlyList<FetchedResponse> Responses => [.. _responses];

    /// <summary>Starts loading <paramref name="path"/> (relative to the site) and returns without waiting for the load: a chat page never finishes.</summary>
    public async Task GoTo(string path) =>
        await Driver.BrowsingContext.NavigateAsync(new NavigateCommandParameters(ContextId, new Uri(Site, path).ToString()) { Wait = ReadinessState.None });

    /// <summary>The address the tab shows now.</summary>
    public async Task<Uri> Url()
    {
        var tree = await Driver.BrowsingContext.GetTreeAsync(new GetTreeCommandParameters { RootBrowsingContextId = ContextId, MaxDepth = 0 });
        return new Uri(tree.ContextTree[0].Url);
    }

    /// <summary>The page's HTML as the browser has parsed it so far (scripts are off for the page, not for the test's reading).</summary>
    public async Task<string> Content()
    {
        var result = await Driver.Script.EvaluateAsync(new EvaluateCommandParameters("document.documentElement.outerHTML", new ContextTarget(ContextId), false));
        return result is EvaluateResultSuccess success
            ? success.Result.As<StringRemoteValue>().Value
            : throw new InvalidOperationException($"Reading the page failed: {((EvaluateResultException)result).ExceptionDetails.Text}");
    }

    /// <summary>The page as a document to query, as it is now.</summary>
    public async Task<IDocument> Document() => Parser.ParseDocument(await Content());

    /// <summary>Reads the page until <paramref name="condition"/> holds, and returns the document it held on.</summary>
    public Task<IDocument> WaitFor(Func<IDocument, bool> condition, string what)
    {
        var last = "";
        return Eventually.Found<IDocument>(
            async () =>
            {
                try
                {
                    last = await Content();
                    var document = Parser.ParseDocument(last);
                    return condition(document) ? document : null;
                }
                catch (Exception reading) when (reading is WebDriverBiDiException or InvalidOperationException)
                {
                    // Between two documents (a form was just sent) there is nothing to read for a moment.
                    last = reading.Message;
                    return null;
                }
            },
            $"Firefox to show {what}",
            () => $"the page was:{Environment.NewLine}{last}");
    }

    /// <summary>Reads the page until its text contains <paramref name="text"/>.</summary>
    public Task<IDocument> WaitForText(string text) =>
        WaitFor(document => document.DocumentElement.TextContent.Contains(text, StringComparison.Ordinal), $"\"{text}\"");

    /// <summary>
    /// Checks <paramref name="condition"/> (e.g. on a <see cref="Property"/>: an audio element's
    /// readyState) until it holds.
    /// </summary>
    public Task WaitUntil(Func<Task<bool>> condition, string what)
    {
        var at = "";
        return Eventually.That(
            async () =>
            {
                at = (await Url()).ToString();
                return await condition();
            },
            $"Firefox to reach {what}",
            () => $"at {at}");
    }

    /// <summary>
    /// Reads until the focus (followed into frames) is on the field with <paramref name="id"/> and
    /// that field holds <paramref name="value"/>: e.g. a send form back from sending, its field
    /// empty and focused again by its autofocus.
    /// </summary>
    public Task WaitForFocus(string id, string value = "")
    {
        const string focused = "(() => { let d = document; while (d.activeElement && d.activeElement.contentDocument) d = d.activeElement.contentDocument; const e = d.activeElement; return JSON.stringify([e ? e.id : '', e && 'value' in e ? e.value : '']); })()";
        var last = "";
        return Eventually.That(
            async () =>
            {
                try
                {
                    var result = await Driver.Script.EvaluateAsync(new EvaluateCommandParameters(focused, new ContextTarget(ContextId), false));
                    if (result is EvaluateResultSuccess success)
                    {
                        last = success.Result.As<StringRemoteValue>().Value;
                        return JsonSerializer.Deserialize<string[]>(last) is [var focusedId, var focusedValue] && focusedId == id && focusedValue == value;
                    }
                }
                catch (WebDriverBiDiException reading)
                {
                    last = reading.Message;
                }

                return false;
            },
            $"the focus to come to #{id} holding \"{value}\"",
            () => $"[id, value] of the focused element: {last}");
    }

    /// <summary>A property of an element as the browser holds it (what it decoded, e.g. an image's naturalWidth or an audio's duration), as JSON.</summary>
    public async Task<JsonElement> Property(string selector, string property)
    {
        var expression = $"JSON.stringify((document.querySelector({JsonSerializer.Serialize(selector)}) ?? {{}})[{JsonSerializer.Serialize(property)}] ?? null)";
        var result = await Driver.Script.EvaluateAsync(new EvaluateCommandParameters(expression, new ContextTarget(ContextId), false));
        return result is EvaluateResultSuccess success
            ? JsonDocument.Parse(success.Result.As<StringRemoteValue>().Value).RootElement.Clone()
            : throw new InvalidOperationException($"Reading {selector}.{property} failed: {((EvaluateResultException)result).ExceptionDetails.Text}");
    }

    /// <summary>Clicks the middle of the first element matching <paramref name="selector"/>, where a person would click.</summary>
    public Task Click(string selector) => ClickAt(selector, fromLeft: null);

    /// <summary>
    /// Clicks <paramref name="fromLeft"/> pixels in from the left edge of <paramref name="selector"/>,
    /// halfway down: where a control sits that is not in the middle, such as a media player's play button.
    /// </summary>
    public async Task ClickAt(string selector, int? fromLeft)
    {
        var found = await Driver.BrowsingContext.LocateNodesAsync(new LocateNodesCommandParameters(ContextId, new CssLocator(selector)) { MaxNodeCount = 1 });
        if (found.Nodes.Count == 0)
        {
            throw new AssertionException($"Nothing to click: no {selector} on the page.");
        }

        var mouse = new PointerSourceActions();
        // An element origin's offsets count from the element's centre.
        var x = fromLeft is { } left ? left - (int)Math.Floor((await Property(selector, "offsetWidth")).GetDouble() / 2) : 0;
        mouse.Actions.Add(new PointerMoveAction { Origin = Origin.Element(found.Nodes[0].ToSharedReference()), X = x });
        mouse.Actions.Add(new PointerDownAction(0));
        mouse.Actions.Add(new PointerUpAction(0));
        await Perform(mouse);
    }

    /// <summary>Types <paramref name="text"/> key by key into whatever has the focus (a field with autofocus, or the one last clicked).</summary>
    public async Task Type(string text)
    {
        var keyboard = new KeySourceActions();
        foreach (var key in Keys(text))
        {
            keyboard.Actions.Add(new KeyDownAction(key));
            keyboard.Actions.Add(new KeyUpAction(key));
        }

        await Perform(keyboard);
    }

    /// <summary>Presses Enter, which sends the form the focused field belongs to.</summary>
    public async Task PressEnter()
    {
        var keyboard = new KeySourceActions();
        keyboard.Actions.Add(new KeyDownAction("\uE007"));
        keyboard.Actions.Add(new KeyUpAction("\uE007"));
        await Perform(keyboard);
    }

    /// <summary>Presses Tab, or Shift+Tab when <paramref name="backwards"/>: the next (or previous) stop of the focus.</summary>
    public async Task PressTab(bool backwards = false)
    {
        var keyboard = new KeySourceActions();
        if (backwards)
        {
            keyboard.Actions.Add(new KeyDownAction("\uE008"));
        }

        keyboard.Actions.Add(new KeyDownAction("\uE004"));
        keyboard.Actions.Add(new KeyUpAction("\uE004"));
        if (backwards)
        {
            keyboard.Actions.Add(new KeyUpAction("\uE008"));
        }

        await Perform(keyboard);
    }

    /// <summary>Whether the page's focused element (a frame, when the focus is inside one) matches <paramref name="selector"/>.</summary>
    public async Task<bool> HasFocus(string selector)
    {
        var expression = $"JSON.stringify(document.activeElement?.matches({JsonSerializer.Serialize(selector)}) === true)";
        var result = await Driver.Script.EvaluateAsync(new EvaluateCommandParameters(expression, new ContextTarget(ContextId), false));
        return result is EvaluateResultSuccess success && success.Result.As<StringRemoteValue>().Value == "true";
    }

    /// <summary>A full-page screenshot in the test's output folder (screenshots/), attached to the result.</summary>
    public async Task<string> Screenshot(string label)
    {
        var shot = await Driver.BrowsingContext.CaptureScreenshotAsync(new CaptureScreenshotCommandParameters(ContextId) { Origin = ScreenshotOrigin.Document });
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{TestContext.CurrentContext.Test.MethodName}-{label}.png");
        await File.WriteAllBytesAsync(file, Convert.FromBase64String(shot.Data));
        TestContext.AddTestAttachment(file, label);
        return file;
    }

    /// <summary>
    /// The response for <paramref name="address"/> (absolute, or relative to the site, as in a src
    /// attribute), once the browser has received all of it: at once if it already has, else when
    /// the browser reports it.
    /// </summary>
    public Task<FetchedResponse> WaitForResponse(string address)
    {
        var wanted = new Uri(Site, address);
        return WaitForResponse(response => response.Url == wanted, address);
    }

    /// <summary>The first finished response that <paramref name="matches"/>, awaited as the browser reports it.</summary>
    public async Task<FetchedResponse> WaitForResponse(Func<FetchedResponse, bool> matches, string what)
    {
        var fetched = new TaskCompletionSource<FetchedResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_awaitedLock)
        {
            if (_responses.FirstOrDefault(matches) is { } already)
            {
                return already;
            }

            _awaited.Add((matches, fetched));
        }

        try
        {
            return await fetched.Task.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            throw new AssertionException($"Firefox fetched no {what} within {Patience.TotalSeconds} s. It fetched:{Environment.NewLine}{string.Join(Environment.NewLine, Responses)}");
        }
        finally
        {
            lock (_awaitedLock)
            {
                _awaited.RemoveAll(waiter => waiter.Fetched == fetched);
            }
        }
    }

    internal async Task Record(ResponseCompletedEventArgs completed)
    {
        var headers = completed.Response.Headers
            .GroupBy(header => header.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => string.Join(", ", group.Select(header => header.Value.Value)), StringComparer.OrdinalIgnoreCase);
        var response = new FetchedResponse(
            new Uri(completed.Response.Url),
            (int)completed.Response.Status,
            headers.TryGetValue("Content-Type", out var type) ? type : completed.Response.MimeType,
            completed.Request.Destination,
            headers,
            await Body(completed.Request.RequestId));
        lock (_awaitedLock)
        {
            _responses.Enqueue(response);
            foreach (var (matches, fetched) in _awaited.Where(waiter => waiter.Matches(response)))
            {
                fetched.TrySetResult(response);
            }
        }
    }

    private async Task<byte[]?> Body(string request)
    {
        try
        {
            var data = await Driver.Network.GetDataAsync(new GetDataCommandParameters(request, DataType.Response) { CollectorId = _collector, DisownCollectedData = true });
            return data.Bytes.ValueAsByteArray;
        }
        catch (Exception notKept) when (notKept is WebDriverBiDiException or ObjectDisposedException or OperationCanceledException)
        {
            // Not collected (larger than MaxBodyBytes, a data: address), or the tab or browser already closed.
            return null;
        }
    }

    private async Task Perform(SourceActions actions)
    {
        var perform = new PerformActionsCommandParameters(ContextId);
        perform.Actions.Add(actions);
        await Driver.Input.PerformActionsAsync(perform);
    }

    /// <summary>Each character a key of its own; a surrogate pair is one key.</summary>
    private static IEnumerable<string> Keys(string text)
    {
        for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
        {
            yield return char.IsSurrogatePair(text, i) ? text.Substring(i, 2) : text[i].ToString();
        }
    }

    /// <summary>Closes the window and its user context: the server sees the tab go, as when a person closes it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        _firefox.Forget(this);
        try
        {
            await Driver.Network.RemoveDataCollectorAsync(new RemoveDataCollectorCommandParameters(_collector));
            await Driver.Browser.RemoveUserContextAsync(new RemoveUserContextCommandParameters(UserContextId));
        }
        catch (WebDriverBiDiException)
        {
            // The browser was stopped first (the run is ending): its windows went with it.
        }
    }
}
