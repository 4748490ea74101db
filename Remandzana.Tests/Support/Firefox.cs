using System.Collections.Concurrent;
using System.Diagnostics;
using WebDriverBiDi;
using WebDriverBiDi.Browser;
using WebDriverBiDi.BrowsingContext;
using WebDriverBiDi.Network;
using WebDriverBiDi.Session;

namespace Remandzana.Tests.Support;

/// <summary>
/// Debian's Firefox ESR (Tor Browser's engine) with JavaScript off and cookies refused, driven over
/// WebDriver BiDi: what a Tor Browser visitor on "Safest" gets. One Firefox serves the whole run,
/// started by the first test that asks for it; each tab lives in its own user context (its own
/// cookies, cache and storage), so every test starts from a fresh private profile.
/// </summary>
/// <remarks>
/// PuppeteerSharp 25.x speaks this protocol through WebDriverBiDi 0.0.61, which NuGet here does not
/// serve; with 0.0.63/0.0.64 it fails at connect (a method it calls is gone). So the tests drive
/// WebDriverBiDi 0.0.64 themselves. Playwright's Firefox needs Playwright's own patched build.
/// </remarks>
public sealed class Firefox : IAsyncDisposable
{
    public const string Executable = "/usr/bin/firefox-esr";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly SemaphoreSlim SharedLock = new(1, 1);
    private static Task<Firefox>? _shared;

    private readonly Process _process;
    private readonly string _profile;
    private readonly ConcurrentDictionary<string, FirefoxTab> _tabsByContext = new();
    private readonly ConcurrentDictionary<string, FirefoxTab> _tabsByUserContext = new();
    private readonly ConcurrentDictionary<string, AuthCredentials> _loginsByContext = new();
    private readonly SemaphoreSlim _loginPromptsGate = new(1, 1);
    private bool _answeringLoginPrompts;

    private Firefox(Process process, string profile, BiDiDriver driver)
    {
        _process = process;
        _profile = profile;
        Driver = driver;
    }

    internal BiDiDriver Driver { get; }

    /// <summary>
    /// The run's Firefox, started on first use (a few seconds, once). Without the package the test is
    /// ignored locally and fails under REMANDZANA_REQUIRE_SYSTEM_TESTS=1, like every system test.
    /// </summary>
    public static async Task<Firefox> Shared()
    {
        SystemRequirement.Program(Executable, "firefox-esr");
        await SharedLock.WaitAsync();
        try
        {
            // A start that failed, or a browser that died, is not kept: the next test starts another.
            if (_shared is null || _shared.IsFaulted || _shared.IsCanceled || (_shared.IsCompletedSuccessfully && _shared.Result._process.HasExited))
            {
                _shared = Launch();
            }

            return await _shared;
        }
        finally
        {
            SharedLock.Release();
        }
    }

    /// <summary>Stops the run's Firefox, if one was started (the Browser namespace's set-up fixture calls this at the end).</summary>
    public static async Task StopShared()
    {
        var shared = Interlocked.Exchange(ref _shared, null);
        if (shared is { IsCompletedSuccessfully: true })
        {
            await shared.Result.DisposeAsync();
        }
    }

    /// <summary>A chat page in a new window: navigation is started, not awaited, since the page's response lasts as long as the conversation.</summary>
    public async Task<FirefoxTab> Open(Uri site, string path, (int Width, int Height)? viewport = null)
    {
        var tab = await NewTab(site, viewport);
        await tab.GoTo(path);
        return tab;
    }

    /// <summary>A new window in a fresh user context: no cookie, cache or history shared with any other tab.</summary>
    public async Task<FirefoxTab> NewTab(Uri site, (int Width, int Height)? viewport = null)
    {
        var size = viewport ?? Chromium.Desktop;
        var userContext = (await Driver.Browser.CreateUserContextAsync(new CreateUserContextCommandParameters())).UserContextId;
        var collectorParameters = new AddDataCollectorCommandParameters(FirefoxTab.MaxBodyBytes, DataType.Response);
        collectorParameters.UserContexts.Add(userContext);
        var collector = (await Driver.Network.AddDataCollectorAsync(collectorParameters)).CollectorId;

        // A window each, not a tab each: two people chatting are two windows, each showing its page.
        var context = (await Driver.BrowsingContext.CreateAsync(new CreateCommandParameters(CreateType.Window) { UserContextId = userContext })).BrowsingContextId;
        var tab = new FirefoxTab(this, site, context, userContext, collector);
        _tabsByUserContext[userContext] = tab;
        _tabsByContext[context] = tab;
        await Driver.BrowsingContext.SetViewportAsync(new SetViewportCommandParameters
        {
            BrowsingContextId = context,
            Viewport = new Viewport { Width = (ulong)size.Width, Height = (ulong)size.Height },
        });
        return tab;
    }

    /// <summary>
    /// A new window whose HTTP authentication prompts (the console's Basic sign-in) are answered with
    /// <paramref name="name"/> and <paramref name="password"/>, as a person types them once: through
    /// WebDriver BiDi's <c>network.addIntercept</c> at the <c>authRequired</c> phase and
    /// <c>network.continueWithAuth</c>. Firefox then sends them again by itself on later requests.
    /// </summary>
    public async Task<FirefoxTab> NewSignedInTab(Uri site, string name, string password, (int Width, int Height)? viewport = null)
    {
        await AnswerLoginPrompts();
        var tab = await NewTab(site, viewport);
        _loginsByContext[tab.ContextId] = new AuthCredentials(name, password);
        var intercept = new AddInterceptCommandParameters(InterceptPhase.AuthRequired);
        intercept.Contexts.Add(tab.ContextId);
        await Driver.Network.AddInterceptAsync(intercept);
        return tab;
    }

    private async Task AnswerLoginPrompts()
    {
        await _loginPromptsGate.WaitAsync();
        try
        {
            if (_answeringLoginPrompts)
            {
                return;
            }

            Driver.Network.OnAuthRequired.AddObserver(
                async prompt =>
                {
                    var answer = new ContinueWithAuthCommandParameters(prompt.Request.RequestId);
                    if (prompt.BrowsingContextId is { } context && _loginsByContext.TryGetValue(context, out var credentials))
                    {
                        answer.Action = ContinueWithAuthActionType.ProvideCredentials;
                        answer.Credentials = credentials;
                    }
                    else
                    {
                        answer.Action = ContinueWithAuthActionType.Cancel;
                    }

                    await Driver.Network.ContinueWithAuthAsync(answer);
                },
                ObservableEventHandlerOptions.RunHandlerAsynchronously);
            await Driver.Session.SubscribeAsync(new SubscribeCommandParameters([Driver.Network.OnAuthRequired.EventName]));
            _answeringLoginPrompts = true;
        }
        finally
        {
            _loginPromptsGate.Release();
        }
    }

    internal void Forget(FirefoxTab tab)
    {
        _loginsByContext.TryRemove(tab.ContextId, out _);
        _tabsByUserContext.TryRemove(tab.UserContextId, out _);
        foreach (var (context, owner) in _tabsByContext)
        {
            if (owner == tab)
            {
                _tabsByContext.TryRemove(context, out _);
            }
        }
    }

    private static async Task<Firefox> Launch()
    {
        var profile = Directory.CreateTempSubdirectory("remandzana-firefox-").FullName;
        // Tor Browser's "Safest" level: no script anywhere. No cookies either: the site must not need them.
        await File.WriteAllTextAsync(Path.Combine(profile, "user.js"), """
            user_pref("javascript.enabled", false);
            user_pref("network.cookie.cookieBehavior", 2);
            """);
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--headless", "--no-remote", "--remote-debugging-port=0", "--profile", profile })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{Executable} did not start.");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Kill(process);
        var output = new ConcurrentQueue<string>();
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        const string announcement = "WebDriver BiDi listening on ";
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not { } text)
            {
                return;
            }

            if (text.StartsWith(announcement, StringComparison.Ordinal))
            {
                listening.TrySetResult(text[announcement.Length..].Trim());
            }

            output.Enqueue(text);
            while (output.Count > 40)
            {
                output.TryDequeue(out var _);
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        var driver = new BiDiDriver(TimeSpan.FromSeconds(30));
        try
        {
            var address = await listening.Task.WaitAsync(StartTimeout);
            await driver.StartAsync(address + "/session");
            await driver.Session.NewSessionAsync(new NewCommandParameters());
            var firefox = new Firefox(process, profile, driver);
            await firefox.Listen();
            return firefox;
        }
        catch (Exception failure) when (failure is TimeoutException or WebDriverBiDiException)
        {
            Kill(process);
            await driver.DisposeAsync();
            throw new InvalidOperationException($"{Executable} did not open a WebDriver BiDi session: {failure.Message}{Environment.NewLine}{string.Join(Environment.NewLine, output)}", failure);
        }
    }

    /// <summary>Every response the browser finishes is recorded by the tab whose page (or frame) fetched it.</summary>
    private async Task Listen()
    {
        Driver.BrowsingContext.OnContextCreated.AddObserver(created =>
        {
            if ((created.Parent is { } parent && _tabsByContext.TryGetValue(parent, out var tab))
                || (created.UserContextId is { } userContext && _tabsByUserContext.TryGetValue(userContext, out tab)))
            {
                _tabsByContext[created.BrowsingContextId] = tab;
            }
        });
        Driver.Network.OnResponseCompleted.AddObserver(
            async completed =>
            {
                if (completed.BrowsingContextId is { } context && _tabsByContext.TryGetValue(context, out var tab))
                {
                    await tab.Record(completed);
                }
            },
            ObservableEventHandlerOptions.RunHandlerAsynchronously);
        await Driver.Session.SubscribeAsync(new SubscribeCommandParameters([Driver.BrowsingContext.OnContextCreated.EventName, Driver.Network.OnResponseCompleted.EventName]));
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Driver.Browser.CloseAsync(new WebDriverBiDi.Browser.CloseCommandParameters());
        }
        catch (WebDriverBiDiException)
        {
            // Closing answers as the connection drops; the process is waited for below either way.
        }

        await Driver.DisposeAsync();
        using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(exited.Token);
        }
        catch (OperationCanceledException)
        {
            Kill(_process);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // A file the exiting browser still held; the OS temp folder will clean it.
        }
    }
}
