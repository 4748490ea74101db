using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Remandzana.Domain.Lines;
using Remandzana.Domain.Moderation;
using Remandzana.Tests.Support;
using Remandzana.Web.Chat;
using Remandzana.Web.Localisation;

namespace Remandzana.Tests.Web;

/// <summary>Every word the site says exists in every language it speaks, as plain text with the same placeholders.</summary>
[Category("Web")]
public sealed partial class TranslationResources
{
    private static readonly string Folder = Path.Combine(Repository.Root(), "Remandzana.Web", "Localisation");

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(Folder, file)).Root!.Elements("data")
            .ToDictionary(data => data.Attribute("name")!.Value, data => data.Element("value")!.Value);

    private static Dictionary<string, string> English => Read("SiteText.resx");

    public static IEnumerable<string> Languages => SiteLanguage.All.Where(language => language != SiteLanguage.English).Select(language => language.Culture);

    [TestCaseSource(nameof(Languages))]
    public void EveryLanguageHasExactlyTheEnglishKeys(string culture)
    {
        var translated = Read($"SiteText.{culture}.resx");

        Assert.That(translated.Keys, Is.EquivalentTo(English.Keys));
        Assert.That(translated.Where(pair => string.IsNullOrWhiteSpace(pair.Value)).Select(pair => pair.Key), Is.Empty);
    }

    [TestCaseSource(nameof(Languages))]
    public void TranslationsKeepThePlaceholdersAndHaveNoMarkup(string culture)
    {
        foreach (var (key, value) in Read($"SiteText.{culture}.resx"))
        {
            Assert.That(Placeholders(value), Is.EquivalentTo(Placeholders(key)), $"{culture}: {key}");
            Assert.That(value, Does.Not.Match("[<>&]"), $"{culture}: {key}");
        }
    }

    [Test]
    public void TheEnglishFileIsItsOwnKeys() =>
        Assert.That(English.Where(pair => pair.Key != pair.Value).Select(pair => pair.Key), Is.Empty);

    [Test]
    public void EveryWordTheViewsUseIsAKey()
    {
        // The send form's words are in C# (SendFormWords), not in a view; they are the same T["…"] lookups.
        var views = Directory.GetFiles(Path.Combine(Repository.Root(), "Remandzana.Web", "Views"), "*.cshtml", SearchOption.AllDirectories)
            .Append(Path.Combine(Repository.Root(), "Remandzana.Web", "Chat", "SendFormWords.cs"));
        var used = views.SelectMany(view => Literal().Matches(File.ReadAllText(view)).Select(match => match.Groups["key"].Value)).Distinct();

        Assert.That(used.Where(key => !English.ContainsKey(key)), Is.Empty);
    }

    [Test]
    public void EveryNoticeAndModeNameIsAKey()
    {
        var notices = typeof(Notices).GetFields(BindingFlags.Public | BindingFlags.Static).Select(field => (string)field.GetValue(null)!)
            .Concat(typeof(Notices).GetMethods(BindingFlags.Public | BindingFlags.Static)
                .Where(method => method.ReturnType == typeof(Notice))
                .Select(method => ((Notice)method.Invoke(null, [.. method.GetParameters().Select(Example)])!).Template))
            .Concat(ChatPage.All.SelectMany(page => new[] { page.Title, page.Summary }))
            .Concat([BlockUrls.PolicyName, new BlockUrls(new Ladder(1, Consequence.Kick)).Reason])
            .Concat([RepeatedText.PolicyName, new RepeatedText(new Ladder(1, Consequence.Kick)).Reason]);

        Assert.That(notices.Where(key => !English.ContainsKey(key)), Is.Empty);
    }

    /// <summary>Words the controllers and gates build (problem pages, form answers, captcha messages) are keys too, not only the views' <c>T["…"]</c>.</summary>
    [Test]
    public void EveryWordTheControllersSayIsAKey()
    {
        var sources = Directory.GetFiles(Path.Combine(Repository.Root(), "Remandzana.Web"), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var said = sources.SelectMany(file => SaidWords().Matches(File.ReadAllText(file)))
            .SelectMany(call => StringLiteral().Matches(call.Groups["arguments"].Value).Select(literal => Regex.Unescape(literal.Groups["text"].Value)))
            .Where(text => text.Contains(' ', StringComparison.Ordinal))
            .Distinct()
            .ToList();

        Assert.That(said, Has.Count.GreaterThan(20), "the scan finds what the controllers say");
        Assert.That(said.Where(key => !English.ContainsKey(key)), Is.Empty);
    }

    [Test]
    public void ANoticeIsRenderedInTheViewersLanguageWithItsDataUntouched()
    {
        var words = SiteWords.Localizer();
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("es");
            Assert.That(words.Say(Notices.YouBothLike(["music"])), Is.EqualTo("A los dos os gusta: music."));
            Assert.That(words.Say(Notices.Joined(NoticeArgument.Wording("Anonymous"))), Is.EqualTo("Anónimo se unió."));
            Assert.That(words.Say(Notices.Joined("Anonymous")), Is.EqualTo("Anonymous se unió."), "a nickname is never translated");
            Assert.That(words.Name(new Speaker("Anonymous (You)", SpeakerColour.You)), Is.EqualTo("Anónimo (Tú)"));
            Assert.That(words.Name(new Speaker("Bob (You)", SpeakerColour.Bob)), Is.EqualTo("Bob (Tú)"));
            Assert.That(words.Name(new Speaker("Stranger", SpeakerColour.Stranger)), Is.EqualTo("Desconocido"));
            Assert.That(words.Say(Notices.Kicked("links and onion addresses are not allowed here")), Is.EqualTo("Se te sacó de la conversación: aquí no se permiten enlaces ni direcciones onion."));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static object Example(ParameterInfo parameter) => parameter.ParameterType switch
    {
        var type when type == typeof(int) => 2,
        var type when type == typeof(Consequence) => Consequence.Kick,
        var type when type == typeof(IEnumerable<string>) => new[] { "music" },
        var type when type == typeof(NoticeArgument) => NoticeArgument.Data("x"),
        _ => "x",
    };

    private static IEnumerable<string> Placeholders(string text) => PlaceholderPattern().Matches(text).Select(match => match.Value);

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();

    /// <summary>The arguments of a call that makes words for a person: a problem page, a notice, a form answer, a new challenge.</summary>
    [GeneratedRegex("""(?:new ProblemModel|Notice\.Of|Problem|Answer|Challenge|new SendFormModel)\((?<arguments>(?:[^()"]|"(?:[^"\\]|\\.)*"|\((?:[^()"]|"(?:[^"\\]|\\.)*")*\))*)\)""")]
    private static partial Regex SaidWords();

    /// <summary>A plain string literal (an interpolated one is a template elsewhere).</summary>
    [GeneratedRegex("""(?<![$@\w])"(?<text>(?:[^"\\]|\\.)*)"(?!")""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex("""T\["(?<key>(?:[^"\\]|\\.)*)"[,\]]""")]
    private static partial Regex Literal();
}
