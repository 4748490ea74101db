using Microsoft.Playwright;

namespace Remandzana.Tests.Support;

/// <summary>What a person does and sees on a chat page in a real browser without scripts.</summary>
public static class ChatPageInBrowser
{
    public static ILocator Lines(this IPage page) => page.Locator(".log div.line");

    public static ILocator Line(this IPage page, string text) => page.Locator(".log div.line", new PageLocatorOptions { HasText = text });

    public static Task WaitForLine(this IPage page, string text) => page.Line(text).First.WaitForAsync();

    public static ILocator MessageField(this IPage page) => page.FrameLocator("iframe.send").Locator("input[name=message]:not([type=hidden])");

    /// <summary>Types into the send form and presses its button, as a person would.</summary>
    public static async Task Say(this IPage page, string text)
    {
        var form = page.FrameLocator("iframe.send");
        await form.Locator("input[name=message]:not([disabled])").FillAsync(text);
        await form.Locator("form.compose > button[type=submit]:not([formaction])").ClickAsync();
    }

    /// <summary>The send form's Report button on screen: beside Send, or (on a narrow screen) under More once it is open.</summary>
    public static ILocator ReportButton(this IPage page) => page.FrameLocator("iframe.send").Locator("form.report button:visible, details.more button.report:visible");

    /// <summary>The send form's More control, where Save and Report fold on a narrow screen.</summary>
    public static ILocator MoreMenu(this IPage page) => page.FrameLocator("iframe.send").Locator("details.more > summary");

    /// <summary>A full-page screenshot in the test's output folder, attached to the result.</summary>
    public static async Task<string> Screenshot(this IPage page, string label)
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{TestContext.CurrentContext.Test.MethodName}-{label}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        TestContext.AddTestAttachment(file, label);
        return file;
    }

    /// <summary>
    /// The send form is on screen without scrolling, and the newest line (last in the document)
    /// is shown first, right under the form. Measured from what the browser laid out.
    /// </summary>
    public static async Task AssertLayout(this IPage page)
    {
        var viewport = page.ViewportSize!;
        var form = page.FrameLocator("iframe.send");
        var iframe = await Box(page.Locator("iframe.send"), "the send form's frame");
        var buttons = (await form.Locator("button:visible, summary:visible").AllAsync()).Select((button, i) => (button, $"control {i + 1} of the form"));
        foreach (var (part, what) in buttons.Prepend((page.MessageField(), "the message field")))
        {
            var box = await Box(part, what);
            Assert.That(box.X, Is.GreaterThanOrEqualTo(0), $"{what} starts inside the window");
            Assert.That(box.Y, Is.GreaterThanOrEqualTo(0), $"{what} starts inside the window");
            Assert.That(box.X + box.Width, Is.LessThanOrEqualTo(viewport.Width), $"{what} ends inside the window ({viewport.Width}×{viewport.Height})");
            Assert.That(box.Y + box.Height, Is.LessThanOrEqualTo(viewport.Height), $"{what} is visible without scrolling ({viewport.Width}×{viewport.Height})");
            Assert.That(box.Y + box.Height, Is.LessThanOrEqualTo(iframe.Y + iframe.Height), $"{what} is not cut off by its frame");
        }

        var lines = await page.Lines().AllAsync();
        Assert.That(lines, Is.Not.Empty);
        var newest = await Box(lines[^1], "the newest line");
        foreach (var older in lines.Take(lines.Count - 1))
        {
            Assert.That((await Box(older, "an older line")).Y, Is.GreaterThan(newest.Y), "the newest line is above every older one");
        }

        Assert.That(newest.Y, Is.GreaterThanOrEqualTo(iframe.Y + iframe.Height), "the newest line is under the form");
        Assert.That(newest.Y - (iframe.Y + iframe.Height), Is.LessThan(40), "the newest line is right under the form");
        Assert.That(newest.Y + newest.Height, Is.LessThanOrEqualTo(viewport.Height), "the newest line is visible without scrolling");
    }

    private static async Task<LocatorBoundingBoxResult> Box(ILocator locator, string what) =>
        await locator.BoundingBoxAsync() ?? throw new AssertionException($"{what} is not displayed");
}
