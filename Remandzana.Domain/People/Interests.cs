using System.Collections.Immutable;

namespace Remandzana.Domain.People;

/// <summary>
/// What a person wants to talk about: up to five tags of letters, digits and '-', lower case, each
/// at most 24 characters, in the order given and without repeats ("music,chess").
/// </summary>
public sealed class Interests
{
    public const int MaxTags = 5;
    public const int MaxTagLength = 24;

    public static readonly Interests None = new([]);

    private static readonly char[] Separators = [',', ' ', '\t', ';'];

    private Interests(ImmutableArray<string> tags) => Tags = tags;

    public ImmutableArray<string> Tags { get; }

    public bool IsEmpty => Tags.IsEmpty;

    /// <summary>The tags as the address carries them: "music,chess".</summary>
    public override string ToString() => string.Join(',', Tags);

    /// <summary>Reads typed tags strictly: false when a tag has other characters, is too long, or there are too many.</summary>
    public static bool TryParse(string? text, out Interests interests)
    {
        var tags = Split(text);
        interests = new Interests([.. tags.Where(IsTag).Distinct().Take(MaxTags)]);
        return tags.All(IsTag) && tags.Distinct().Count() <= MaxTags;
    }

    /// <summary>Reads tags leniently: the valid ones, the first five.</summary>
    public static Interests Parse(string? text)
    {
        _ = TryParse(text, out var interests);
        return interests;
    }

    /// <summary>The tags both have, in this person's order.</summary>
    public IEnumerable<string> SharedWith(Interests other) => Tags.Where(other.Tags.Contains);

    public bool Shares(Interests other)
    {
        foreach (var tag in Tags)
        {
            if (other.Tags.Contains(tag))
            {
                return true;
            }
        }

        return false;
    }

    private static List<string> Split(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : [.. text.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(tag => tag.ToLowerInvariant())];

    private static bool IsTag(string tag) =>
        tag.Length <= MaxTagLength && tag.All(c => char.IsLetterOrDigit(c) || c == '-');
}
