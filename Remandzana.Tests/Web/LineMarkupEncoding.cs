using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using AngleSharp.Html.Parser;
using Remandzana.Domain.Lines;
using Remandzana.Tests.Support;
using Remandzana.Web.Chat;

namespace Remandzana.Tests.Web;

/// <summary>Log lines are written without Razor; everything a person wrote must still arrive as text.</summary>
[Category("Web")]
public sealed class LineMarkupEncoding
{
    private const string Hostile = "<script>alert(1)</script><img src=x onerror=alert(2)> & \"quotes\" 'single' </div></main>";
    private static readonly HtmlParser Parser = new();

    private static string Render(LineMarkup markup, params Line[] lines)
    {
        var output = new ArrayBufferWriter<byte>();
        foreach (var line in lines)
        {
            markup.Write(line, output);
        }

        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private static AngleSharp.Dom.IDocument Log(string lines) => Parser.ParseDocument($"<main class=\"log\">{lines}</main>");

    [Test]
    public void AChatMessageWithMarkupIsShownAsText()
    {
        var html = Render(new LineMarkup(HtmlEncoder.Default, SiteWords.Localizer()), new ChatLine(new Speaker("Stranger", SpeakerColour.Stranger), Hostile));

        var log = Log(html);
        var line = log.QuerySelector("main.log > div.line.chat.stranger");
        Assert.Multiple(() =>
        {
            Assert.That(line?.QuerySelector("b.who")?.TextContent, Is.EqualTo("Stranger:"));
            Assert.That(line?.QuerySelector("bdi.text")?.TextContent, Is.EqualTo(Hostile));
            Assert.That(log.QuerySelectorAll("script, img"), Is.Empty);
            Assert.That(log.QuerySelectorAll("main.log > *"), Has.Length.EqualTo(1), "the text cannot close the line or the log");
        });
    }

    [Test]
    public void ASpeakersNameAndASystemLineAreEncodedToo()
    {
        var html = Render(
            new LineMarkup(HtmlEncoder.Default, SiteWords.Localizer()),
            new ChatLine(new Speaker(Hostile + " (You)", SpeakerColour.You), "hi"),
            new SystemLine(NoticeKind.Question, Notices.QuestionIs(Hostile).English));

        var log = Log(html);
        Assert.Multiple(() =>
        {
            Assert.That(log.QuerySelector("div.line.chat.you b.who")?.TextContent, Is.EqualTo(Hostile + " (You):"));
            Assert.That(log.QuerySelector("div.line.system.question")?.TextContent, Is.EqualTo("Question: " + Hostile));
            Assert.That(log.QuerySelectorAll("script, img"), Is.Empty);
            Assert.That(log.QuerySelectorAll("main.log > *"), Has.Length.EqualTo(2));
        });
    }

    [Test]
    public void NonAsciiTextSurvivesTheRoundTrip()
    {
        const string text = "Здравствуй, мир — 你好 👋 café";

        var html = Render(new LineMarkup(HtmlEncoder.Default, SiteWords.Localizer()), new ChatLine(new Speaker("Stranger", SpeakerColour.Stranger), text));

        Assert.That(Log(html).QuerySelector("bdi.text")?.TextContent, Is.EqualTo(text));
    }

    [Test]
    public void EachViewerOfAMessageSeesItsTextAndTheNextMessageIsNotConfusedWithIt()
    {
        var markup = new LineMarkup(HtmlEncoder.Default, SiteWords.Localizer());
        var first = "first <b>";
        var second = string.Concat("second ", "&");

        var html = Render(
            markup,
            new ChatLine(new Speaker("You", SpeakerColour.You), first),
            new ChatLine(new Speaker("Stranger", SpeakerColour.Stranger), first),
            new ChatLine(new Speaker("Stranger", SpeakerColour.Stranger), second),
            new ChatLine(new Speaker("Stranger", SpeakerColour.Stranger), "first <b>"));

        var texts = Log(html).QuerySelectorAll("bdi.text").Select(span => span.TextContent);
        Assert.That(texts, Is.EqualTo(new[] { first, first, second, first }));
    }
}
