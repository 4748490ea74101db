namespace Remandzana.Domain.People;

/// <summary>Whom a person would rather meet first: someone of their language who shares one of their interests.</summary>
/// <param name="Language">The site's language for them ("es"); empty when it does not matter.</param>
public sealed record Preferences(string Language, Interests Interests)
{
    public static readonly Preferences None = new("", Interests.None);

    public bool SameLanguage(Preferences other) => Language.Length == 0 || other.Language.Length == 0 || Language == other.Language;

    /// <summary>There is someone they would rather wait for than anyone.</summary>
    public bool IsChoosy => Language.Length > 0 || !Interests.IsEmpty;
}
