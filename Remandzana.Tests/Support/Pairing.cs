using System.Net;
using Microsoft.Playwright;
using Remandzana.Domain.Lines;

namespace Remandzana.Tests.Support;

/// <summary>
/// Two people open a chat page each and wait until both pages say they found each other: over
/// HTTP (one app, one process, two instances, a proxy) or in a browser. The first is opened first.
/// </summary>
public static class Pairing
{
    /// <summary>Opens <paramref name="path"/> with each client and waits on both pages for <paramref name="found"/>.</summary>
    /// <param name="first">The first person's browser (e.g. one instance of a scaled-out site).</param>
    /// <param name="second">The second person's browser (e.g. another instance, or another client address).</param>
    /// <param name="path">The chat to open (mode, interests, languages, pass, language of the page).</param>
    /// <param name="found">The line that says a page found its room (in the page's language and mode).</param>
    public static async Task<(ChatClient First, ChatClient Second)> OpenPair(HttpClient first, HttpClient second, string path = "/two", string found = Notices.FoundStranger)
    {
        var one = new ChatClient(first);
        var other = new ChatClient(second);
        try
        {
            await one.Open(path);
            await other.Open(path);
            await one.WaitForLine(found);
            await other.WaitForLine(found);
            return (one, other);
        }
        catch
        {
            await one.DisposeAsync();
            await other.DisposeAsync();
            throw;
        }
    }

    /// <summary>Two people on one in-process app; the second may come from another loopback address.</summary>
    /// <inheritdoc cref="OpenPair(HttpClient, HttpClient, string, string)" path="/param[@name='path' or @name='found']"/>
    public static Task<(ChatClient First, ChatClient Second)> OpenPair(this RemandzanaApp app, string path = "/two", IPAddress? secondFrom = null, string found = Notices.FoundStranger) =>
        OpenPair(app.NewClient(), app.NewClient(secondFrom), path, found);

    /// <summary>Two people on one app process, or on two instances of a scaled-out site.</summary>
    /// <inheritdoc cref="OpenPair(HttpClient, HttpClient, string, string)" path="/param[@name='path' or @name='found']"/>
    public static Task<(ChatClient First, ChatClient Second)> OpenPair(this AppProcess first, AppProcess? second = null, string path = "/two", string found = Notices.FoundStranger) =>
        OpenPair(first.NewClient(), (second ?? first).NewClient(), path, found);

    /// <summary>Two tabs of a script-less Chromium, each in a window of <paramref name="viewport"/>.</summary>
    /// <inheritdoc cref="OpenPair(HttpClient, HttpClient, string, string)" path="/param[@name='path' or @name='found']"/>
    public static async Task<(IPage First, IPage Second)> OpenPair(this Chromium chromium, Uri site, string path = "/two", (int Width, int Height)? viewport = null, string found = Notices.FoundStranger)
    {
        var first = await chromium.Open(site, path, viewport);
        var second = await chromium.Open(site, path, viewport);
        await first.WaitForLine(found);
        await second.WaitForLine(found);
        return (first, second);
    }

    /// <summary>Two windows of a script-less Firefox.</summary>
    /// <inheritdoc cref="OpenPair(HttpClient, HttpClient, string, string)" path="/param[@name='path' or @name='found']"/>
    public static async Task<(FirefoxTab First, FirefoxTab Second)> OpenPair(this Firefox firefox, Uri site, string path = "/two", string found = Notices.FoundStranger)
    {
        var first = await firefox.Open(site, path);
        var second = await firefox.Open(site, path);
        try
        {
            await first.WaitForLine(found);
            await second.WaitForLine(found);
            return (first, second);
        }
        catch
        {
            await first.DisposeAsync();
            await second.DisposeAsync();
            throw;
        }
    }
}
