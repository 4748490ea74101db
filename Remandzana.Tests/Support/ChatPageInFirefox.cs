using AngleSharp.Dom;

namespace Remandzana.Tests.Support;

/// <summary>What a person does and sees on a chat page in Firefox without scripts.</summary>
public static class ChatPageInFirefox
{
    /// <summary>The texts of the chat's lines, oldest first (as in the document; the page shows the newest on top).</summary>
    public static IReadOnlyList<string> Lines(this IDocument page) =>
        [.. page.QuerySelectorAll(".log div.line").Select(line => line.TextContent.Trim())];

    public static Task<IDocument> WaitForLine(this FirefoxTab tab, string text) =>
        tab.WaitFor(page => page.Lines().Any(line => line.Contains(text, StringComparison.Ordinal)), $"the line \"{text}\"");

    /// <summary>
    /// Waits for the send form's field to be focused and empty (the form's autofocus, after the last
    /// message left it), types the message and presses Enter, as a person at the keyboard does.
    /// </summary>
    public static async Task Say(this FirefoxTab tab, string text)
    {
        await tab.WaitForFocus("message");
        await tab.Type(text);
        await tab.PressEnter();
    }
}
