using Microsoft.Extensions.Time.Testing;
using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.People;
using Remandzana.Domain.Rooms;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Domain;

/// <summary>
/// The cheap tricks a script tries first against RepeatedText, Block URLs and the onion blacklist
/// (invisible characters, compatibility forms, look-alike letters, sprinkled marks, digits for
/// letters), and ordinary text in the site's eight languages that must not be folded into false matches.
/// </summary>
[Category("Domain")]
public sealed class TextAsAReaderSeesIt
{
    private const string Advert = "Visit my shop, best prices, gift cards today";
    private const string V2 = "expyuzz4wqqyqhjn";
    private const string V3 = "duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad";

    private static readonly Ladder TwoThenKick = new(2, Consequence.Kick);

    private static ulong? Key(string text) => EchoKey.Of(text, 10);

    [TestCase("Vi\u200bsit my sh\u200bop, best pri\u200bces, gift cards today", TestName = "zero-width spaces inside words")]
    [TestCase("Visit\u200d my\u200c shop,\u2060 best\u00ad prices,\u180e gift\ufeff cards\u034f today", TestName = "joiners, word joiner, soft hyphen, Mongolian vowel separator, BOM, grapheme joiner")]
    [TestCase("Visit my\ufe0f shop\ufe00, best\U000E0100 prices, gift cards today", TestName = "variation selectors")]
    [TestCase("Visit my shop\U000E0041\U000E0042, best prices, gift\u3164 cards\uffa0 today", TestName = "tag characters and Hangul fillers")]
    [TestCase("Visit my shop, \u202ebest\u202c prices, \u2066gift\u2069 cards today", TestName = "bidirectional controls")]
    [TestCase("Ｖｉｓｉｔ ｍｙ ｓｈｏｐ， ｂｅｓｔ ｐｒｉｃｅｓ， ｇｉｆｔ ｃａｒｄｓ ｔｏｄａｙ", TestName = "fullwidth letters")]
    [TestCase("\U0001D415\U0001D422\U0001D42C\U0001D422\U0001D42D my shop, best prices, gift cards today", TestName = "mathematical bold letters")]
    [TestCase("Visit my shор, bеst рricеs, gift cаrds tоdаy", TestName = "Cyrillic look-alikes")]
    [TestCase("Visit my shοp, bεst prices, gift cards tοday", TestName = "Greek look-alikes")]
    [TestCase("VISIT MY SHOP, BEST PRICES, GIFT CARDS TODAY", TestName = "capitals, I read as l")]
    [TestCase("V\u0308i\u0301s\u0303it m\u0331y sho\u0302p, be\u0301st prices, gift cards today", TestName = "combining marks sprinkled in")]
    [TestCase("Vísít my shöp, bést prìces, gïft cârds tõdày", TestName = "precomposed accents")]
    [TestCase("V1sit my sh0p, best pr1ces, g1ft cards t0day", TestName = "digits the skeleton reads as letters")]
    [TestCase("V|sit my shop, best prices, gift cards today", TestName = "a vertical line for an I")]
    public void ATrickedAdvertIsTheSameText(string tricked) =>
        Assert.That(Key(tricked), Is.EqualTo(Key(Advert)).And.Not.Null);

    [Test]
    public void PayPalSpeltWithCyrillicLettersIsPayPal() =>
        Assert.That(Key("раypal login, free gift cards"), Is.EqualTo(Key("paypal login, free gift cards")));

    [TestCase("ht\u200btps://example.com", TestName = "a zero-width space in the scheme")]
    [TestCase("h\u00adttp://example.com", TestName = "a soft hyphen in the scheme")]
    [TestCase("ｈｔｔｐｓ：／／example.com", TestName = "fullwidth scheme")]
    [TestCase("һttps://example.com", TestName = "a Cyrillic shha")]
    [TestCase("HTTРS://EXAMPLE.COM", TestName = "a Cyrillic capital er")]
    [TestCase("h\u0301t\u0308tps://example.com", TestName = "combining marks on the scheme")]
    [TestCase("https:\u2215\u2215example.com", TestName = "division slashes")]
    [TestCase("go to " + V2 + "．onion now", TestName = "a fullwidth full stop before onion")]
    [TestCase("go to " + V2 + "\u200b.onion now", TestName = "a zero-width space before the full stop")]
    [TestCase("go to " + V2 + ".0nion now", TestName = "a zero for the o of onion")]
    [TestCase("go to ехруuzz4wqqyqhjn.onion now", TestName = "a v2 address with Cyrillic letters")]
    [TestCase("ԁuсkԁuсkgоgg42xjос72x3sjаsоwоаrfbgсmvfіmаftt6twаgswzсzаd.onion", TestName = "a v3 address with Cyrillic letters")]
    public void BlockUrlsSeesLinksThroughTheTricks(string message) =>
        Assert.That(new BlockUrls(TwoThenKick).IsViolatedBy(message), Is.True);

    [TestCase("ԁuсkԁuсkgоgg42xjос72x3sjаsоwоаrfbgсmvfіmаftt6twаgswzсzаd.onion", TestName = "Cyrillic and Ukrainian look-alikes")]
    [TestCase("ｄｕｃｋｄｕｃｋｇｏｇｇ４２ｘｊｏｃ７２ｘ３ｓｊａｓｏｗｏａｒｆｂｇｃｍｖｆｉｍａｆｔｔ６ｔｗａｇｓｗｚｃｚａｄ．ｏｎｉｏｎ", TestName = "fullwidth")]
    [TestCase("duck\u200bduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion", TestName = "a zero-width space inside")]
    [TestCase("duckduckg0gg42xj0c72x3sjas0w0arfbgcmvfimaftt6twagswzczad.onion", TestName = "zeros for the o's")]
    [TestCase("DUCKDUCKGOGG42XJOC72X3SJASOWOARFBGCMVFIMAFTT6TWAGSWZCZAD.ONION", TestName = "capitals")]
    [TestCase("dúckdúckgògg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion", TestName = "accents")]
    public void TheBlacklistSeesAListedAddressThroughTheTricks(string message)
    {
        var policy = new OnionBlacklist(TwoThenKick, [OnionBlacklist.Digest(V3)]);

        Assert.That(policy.IsViolatedBy($"try {message} now"), Is.True);
    }

    [Test]
    public void TheAddressFoundIsTheOneAReaderWouldType() =>
        Assert.That(Addresses.Onions("ԁuсkԁuсkgоgg42xjос72x3sjаsоwоаrfbgсmvfіmаftt6twаgswzсzаd．onion"), Is.EqualTo(new[] { V3 }));

    [TestCase("Время: 10:30, встреча у метро // до скорого, друзья!", TestName = "Russian with a colon and slashes")]
    [TestCase("Я живу в Москве, пишите мне в 18:00 по местному времени", TestName = "Russian")]
    [TestCase("مرحبا! أنا من القاهرة: كيف حالك اليوم؟", TestName = "Arabic")]
    [TestCase("时间：１０：３０／明天见，朋友们！", TestName = "Chinese with fullwidth punctuation")]
    [TestCase("Schöne Grüße aus München: bis später", TestName = "German")]
    [TestCase("Très bien : à bientôt, mes amis", TestName = "French")]
    [TestCase("¿Dónde estás? Hasta mañana: 10/12", TestName = "Spanish")]
    [TestCase("Olá! Até amanhã às 10h, tudo bem?", TestName = "Portuguese")]
    [TestCase("The onion rings at http cafe are great: 5/5", TestName = "English with onion and http")]
    public void OrdinaryTextIsNoLink(string message) =>
        Assert.That(new BlockUrls(TwoThenKick).IsViolatedBy(message), Is.False);

    [TestCase("Привет! Как у тебя дела сегодня?", "Привет! Как у тебя дела завтра?", TestName = "Russian")]
    [TestCase("Я люблю читать книги вечером", "Я люблю писать книги вечером", TestName = "Russian verbs")]
    [TestCase("Мы встретимся на вокзале в пять", "Мы встретимся на площади в пять", TestName = "Russian places")]
    [TestCase("你好，你今天过得怎么样？", "你好，你明天过得怎么样？", TestName = "Chinese")]
    [TestCase("我喜欢在周末看电影和读书", "我喜欢在周末听音乐和跑步", TestName = "Chinese hobbies")]
    [TestCase("مرحبا، كيف حالك اليوم يا صديقي؟", "مرحبا، كيف حالك غدا يا صديقي؟", TestName = "Arabic")]
    [TestCase("Ich fahre morgen mit dem Zug nach Berlin", "Ich fahre morgen mit dem Bus nach Berlin", TestName = "German")]
    [TestCase("Je voudrais un café au lait, s'il vous plaît", "Je voudrais un thé au citron, s'il vous plaît", TestName = "French")]
    [TestCase("¿Quieres ir al cine esta noche conmigo?", "¿Quieres ir al parque esta noche conmigo?", TestName = "Spanish")]
    [TestCase("Vamos almoçar juntos amanhã na praia?", "Vamos jantar juntos amanhã na praia?", TestName = "Portuguese")]
    [TestCase("best prices in town today", "best prices in town tomorrow", TestName = "English")]
    [TestCase("Привет, как дела у тебя сегодня", "Hello, how are you doing today", TestName = "Russian and English")]
    public void DifferentSentencesStayDifferentTexts(string one, string other) =>
        Assert.That(Key(one), Is.Not.EqualTo(Key(other)));

    [Test]
    public void ArabicWithAndWithoutHarakatIsOneText() =>
        Assert.That(Key("مَرْحَبًا بِكُمْ فِي الْمَوْقِعِ الْجَدِيدِ"), Is.EqualTo(Key("مرحبا بكم في الموقع الجديد")), "the marks are optional vocalisation: a reader reads the same words");

    [Test]
    public void ArabicStretchedWithTatweelIsOneText() =>
        Assert.That(Key("مرحــــبا بكم في المـــوقع الجديد"), Is.EqualTo(Key("مرحبا بكم في الموقع الجديد")));

    [Test]
    public void PhoneNumbersAreStillNumbers() =>
        Assert.That(Key("Call 555-1010 now for cheap deals"), Is.EqualTo(Key("call 555-9876 now for cheap deals")));

    [Test]
    public void TheTextShownIsTheTextWritten()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));
        var policies = new PoliciesByMode(new Dictionary<Mode, IReadOnlyList<Policy>> { [Mode.Two] = [new RepeatedText(TwoThenKick), new BlockUrls(TwoThenKick)] });
        var echoes = new TextEchoes(EchoLimits.Default, clock);
        var told = new Told(policies: policies, clock: clock);
        var partner = told.Join(ChatEntry.Two, origin: new Origin("address:192.0.2.1"));
        var writer = told.Join(ChatEntry.Two, origin: new Origin("address:192.0.2.2"));
        var room = writer.Room!;
        const string Written = "Ｓｃｈöne G\u0308rüße, мой друг: ﬁne \U0001F44D\U0001F3FD";

        Assert.That(MessageText.Refusal(writer.Role, writer.Room is not null, Written, MessageText.DefaultMaxLength, out var text), Is.Null);
        var echo = echoes.ObserveText(writer.Origin.Value, room.Id, text);
        Assert.That(told.After(room, room.Receive(writer, text, policies, echo)), Is.EqualTo(SendOutcome.Relayed));

        Assert.That(told.Texts(partner), Has.Some.EqualTo($"Stranger: {Written}"));
    }

    [Test]
    public void TheShippedTableIsUnicodesConfusables() =>
        Assert.Multiple(() =>
        {
            Assert.That(Confusables.Version, Is.EqualTo("17.0.0"));
            Assert.That(Confusables.Count, Is.EqualTo(6565), "the file's own '# total'");
        });
}
