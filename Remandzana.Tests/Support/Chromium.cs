using Microsoft.Playwright;

namespace Remandzana.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright, every page in its own context with JavaScript
/// disabled: what a no-script visitor gets. Chat pages never finish loading while the
/// conversation lasts, so pages are opened at "commit" and the tests wait on what is rendered.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    public const string Executable = "/usr/bin/chromium";

    public static readonly (int Width, int Height) Desktop = (1280, 800);
    public static readonly (int Width, int Height) Phone = (390, 844);

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static async Task<Chromium> Launch()
    {
        SystemRequirement.Program(Executable, "chromium");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return new Chromium(playwright, browser);
    }

    /// <summary>A chat page in a new tab: opened at "commit", since its response lasts as long as the conversation.</summary>
    public async Task<IPage> Open(Uri site, string path, (int Width, int Height)? viewport = null)
    {
        var page = await NewTab(site, viewport);
        await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        return page;
    }

    /// <summary>A new tab in a fresh, script-less browser profile.</summary>
    public async Task<IPage> NewTab(Uri site, (int Width, int Height)? viewport = null)
    {
        var size = viewport ?? Desktop;
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = false,
            BaseURL = site.ToString(),
            ViewportSize = new ViewportSize { Width = size.Width, Height = size.Height },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(10_000);
        return page;
    }

    /// <summary>
    /// A tab for an accessibility audit only: axe-core is a script, so this test-only profile runs
    /// script, bypasses the site's Content-Security-Policy and puts axe-core into every document
    /// (and every frame's document) as it is created. The site sends no script.
    /// </summary>
    public async Task<IPage> NewAuditTab(Uri site, (int Width, int Height)? viewport = null)
    {
        var size = viewport ?? Desktop;
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = true,
            BypassCSP = true,
            BaseURL = site.ToString(),
            ViewportSize = new ViewportSize { Width = size.Width, Height = size.Height },
        });
        await context.AddInitScriptAsync(AxeAudit.Script);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(10_000);
        return page;
    }

    /// <summary>
    /// A script-less tab whose browser profile answers HTTP authentication (the console's Basic
    /// sign-in) with <paramref name="name"/> and <paramref name="password"/>, as a person types them
    /// once at the prompt; the browser then sends them with every request to the site.
    /// </summary>
    public Task<IPage> NewSignedInTab(Uri site, string name, string password, (int Width, int Height)? viewport = null) =>
        SignedIn(site, name, password, viewport, audit: false);

    /// <summary>A signed-in tab for an accessibility audit only (see <see cref="NewAuditTab"/>).</summary>
    public Task<IPage> NewSignedInAuditTab(Uri site, string name, string password, (int Width, int Height)? viewport = null) =>
        SignedIn(site, name, password, viewport, audit: true);

    private async Task<IPage> SignedIn(Uri site, string name, string password, (int Width, int Height)? viewport, bool audit)
    {
        var size = viewport ?? Desktop;
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = audit,
            BypassCSP = audit,
            BaseURL = site.ToString(),
            ViewportSize = new ViewportSize { Width = size.Width, Height = size.Height },
            HttpCredentials = new HttpCredentials { Username = name, Password = password, Origin = site.GetLeftPart(UriPartial.Authority) },
        });
        if (audit)
        {
            await context.AddInitScriptAsync(AxeAudit.Script);
        }

        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(10_000);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}
