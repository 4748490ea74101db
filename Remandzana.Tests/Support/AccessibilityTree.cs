using System.Text.Json;
using Microsoft.Playwright;

namespace Remandzana.Tests.Support;

/// <summary>What Chromium itself hands to assistive technology (its accessibility tree, over the DevTools protocol): no script in the page needed.</summary>
public sealed class AccessibilityTree
{
    private readonly Dictionary<string, JsonElement> _nodes;

    private AccessibilityTree(Dictionary<string, JsonElement> nodes) => _nodes = nodes;

    public static async Task<AccessibilityTree> Of(IPage page)
    {
        var session = await page.Context.NewCDPSessionAsync(page);
        try
        {
            var tree = await session.SendAsync("Accessibility.getFullAXTree") ?? throw new AssertionException("Chromium gave no accessibility tree.");
            return new AccessibilityTree(tree.GetProperty("nodes").EnumerateArray().ToDictionary(node => node.GetProperty("nodeId").GetString()!));
        }
        finally
        {
            await session.DetachAsync();
        }
    }

    /// <summary>The first node with <paramref name="role"/> that assistive technology sees.</summary>
    public JsonElement? Find(string role) =>
        _nodes.Values.Where(node => !Ignored(node) && Value(node, "role") == role).Select(node => (JsonElement?)node).FirstOrDefault();

    /// <summary>The first node named <paramref name="name"/> with one of <paramref name="roles"/> that assistive technology sees.</summary>
    public JsonElement? FindNamed(string name, params string[] roles) =>
        _nodes.Values.Where(node => !Ignored(node) && roles.Contains(Value(node, "role")) && Name(node) == name).Select(node => (JsonElement?)node).FirstOrDefault();

    public static string? Name(JsonElement node) => Value(node, "name");

    /// <summary>A property such as "live" or "relevant".</summary>
    public static string? Property(JsonElement node, string name) =>
        node.TryGetProperty("properties", out var properties)
            ? properties.EnumerateArray().Where(property => property.GetProperty("name").GetString() == name).Select(property => property.GetProperty("value").GetProperty("value").ToString()).FirstOrDefault()
            : null;

    /// <summary>The text of every piece of static text under <paramref name="root"/> that assistive technology would read, in document order.</summary>
    public IReadOnlyList<string> TextsUnder(JsonElement root)
    {
        var texts = new List<string>();
        Collect(root, texts);
        return texts;
    }

    private void Collect(JsonElement node, List<string> texts)
    {
        if (!Ignored(node) && Value(node, "role") is "StaticText" && Name(node) is { Length: > 0 } text)
        {
            texts.Add(text);
        }

        if (node.TryGetProperty("childIds", out var children))
        {
            foreach (var child in children.EnumerateArray())
            {
                if (_nodes.TryGetValue(child.GetString()!, out var next))
                {
                    Collect(next, texts);
                }
            }
        }
    }

    private static bool Ignored(JsonElement node) => node.TryGetProperty("ignored", out var ignored) && ignored.GetBoolean();

    private static string? Value(JsonElement node, string name) =>
        node.TryGetProperty(name, out var value) && value.TryGetProperty("value", out var inner) ? inner.ToString() : null;
}
