using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Remandzana.Domain.Lines;
using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.People;
using Remandzana.Tests.Support;
using Remandzana.Web.Chat;
using Remandzana.Web.Cluster;
using Remandzana.Web.Grains;
using Remandzana.Web.Sessions;

namespace Remandzana.Tests.Web;

/// <summary>
/// Lines and verdicts cross silos as the domain's own values (Orleans' serializer with the web
/// project's converters): a notice keeps its template and arguments, so the viewer's instance
/// translates it; a verdict keeps the judging room's policy, so no instance judges it again.
/// </summary>
[Category("Web")]
public sealed class LinesOnTheWire
{
    private static readonly HtmlParser Parser = new();
    private ServiceProvider _services = null!;
    private Serializer _serializer = null!;

    [OneTimeSetUp]
    public void CreateSerializer()
    {
        _services = new ServiceCollection().AddSerializer(builder => builder.AddAssembly(typeof(PersonDelivery).Assembly)).BuildServiceProvider();
        _serializer = _services.GetRequiredService<Serializer>();
    }

    [OneTimeTearDown]
    public void DisposeSerializer() => _services.Dispose();

    private T Across<T>(T value) => _serializer.Deserialize<T>(_serializer.SerializeToArray(value))!;

    /// <summary>A notice as data: kind, template and each argument with its shape (English equality would hide a lost template).</summary>
    private static string Shape(Line line) => line switch
    {
        SystemLine system => $"{system.Kind} | {system.Notice.Template} | {string.Join(" | ", (system.Notice.Arguments.IsDefault ? [] : system.Notice.Arguments).Select(argument => $"{(argument.IsWording ? "wording" : "data")}:{argument.Text}"))}",
        ChatLine chat => $"chat | {chat.From.Name} | {chat.From.Colour} | {chat.Text}",
        _ => throw new ArgumentOutOfRangeException(nameof(line)),
    };

    private static IEnumerable<Notice> EveryArgumentShape() =>
    [
        Notices.FoundStranger,
        Notices.YourQuestion("¿Té o café? {0} <b>"),
        Notices.Suppressed(new BlockUrls(new Ladder(2, Consequence.Kick)).Reason),
        Notices.Joined(NoticeArgument.Wording("Anonymous")),
        Notices.Welcome(3),
        Notice.Of("{0} and {1}", NoticeArgument.Data(""), NoticeArgument.Wording("You")),
        new Notice("Unknown template", default),
    ];

    [Test]
    public void EveryKindOfNoticeAndEveryArgumentShapeArrivesAsItWasSaid()
    {
        Line[] lines =
        [
            .. Enum.GetValues<NoticeKind>().SelectMany(kind => EveryArgumentShape().Select(notice => new SystemLine(kind, notice))),
            .. Enum.GetValues<SpeakerColour>().Select(colour => new ChatLine(new Speaker($"{colour} (You)", colour), "hi <i>there</i>")),
        ];

        var delivery = Across(new PersonDelivery("person", "two-room", lines, Ends: true, Question: "why?"));

        Assert.That(delivery.Lines.Select(Shape), Is.EqualTo(lines.Select(Shape)));
        Assert.That(delivery.Lines.Select(line => line.GetType()), Is.EqualTo(lines.Select(line => line.GetType())));
        Assert.That((delivery.PersonId, delivery.RoomId, delivery.Ends, delivery.Question), Is.EqualTo(("person", "two-room", true, "why?")));
    }

    [Test]
    public void ASavedConversationArrivesWithItsEntryAndLines()
    {
        var message = new TranscriptMessage(ChatEntry.QuestionAsk, DateTimeOffset.UnixEpoch, [DateTimeOffset.UnixEpoch], [new SystemLine(NoticeKind.Question, Notices.QuestionIs("tea?"))], Truncated: false);

        var saved = Across(message).ToSaved();

        Assert.That(saved.Entry, Is.EqualTo(ChatEntry.QuestionAsk));
        Assert.That(saved.Lines.Select(line => Shape(line.Line)), Is.EqualTo(new[] { "Question | Question: {0} | data:tea?" }));
    }

    [Test]
    public void ASpanishViewerReadsANoticeWithArgumentsThatCrossedInSpanish()
    {
        var delivery = Across(new PersonDelivery("asker", null, [new SystemLine(NoticeKind.Question, Notices.YourQuestion("¿té o café?")), new SystemLine(NoticeKind.Joined, Notices.Joined(NoticeArgument.Wording("Anonymous")))], false, null));

        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("es");
            var markup = new LineMarkup(HtmlEncoder.Default, SiteWords.Localizer());
            var output = new ArrayBufferWriter<byte>();
            foreach (var line in delivery.Lines)
            {
                markup.Write(line, output);
            }

            var log = Parser.ParseDocument($"<main class=\"log\">{Encoding.UTF8.GetString(output.WrittenSpan)}</main>");
            Assert.That(log.QuerySelectorAll("div.line.system").Select(line => line.TextContent), Is.EqualTo(new[] { "Tu pregunta: ¿té o café?", "Anónimo se unió." }));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Test]
    public void AVerdictArrivesAsTheRoomReachedItWhateverTheSendersInstanceConfigures()
    {
        // The room's instance suppresses once, then exiles; the sender's instance may know no such
        // policy, or another ladder: what it shows comes from the verdict alone.
        var judged = new BlockUrls(new Ladder(1, Consequence.Exile)).Judge(1);

        var reply = Across(new SendReply(SendOutcome.Suppressed, judged));

        Assert.That(reply.Outcome, Is.EqualTo(SendOutcome.Suppressed));
        Assert.That(reply.Verdict, Is.EqualTo(judged));
        Assert.That(reply.Verdict!.IsLastWarning, Is.True);
        Assert.That(Shape(new SystemLine(NoticeKind.Moderation, reply.Verdict.Notice)), Is.EqualTo(Shape(new SystemLine(NoticeKind.Moderation, judged.Notice))));
        Assert.That(Across(new SendReply(SendOutcome.Exiled, new BlockUrls(new Ladder(0, Consequence.Exile)).Judge(7))).Verdict!.Sanction, Is.EqualTo(Sanction.Exile));
        Assert.That(Across(new SendReply(SendOutcome.Relayed)).Verdict, Is.Null);
    }
}
