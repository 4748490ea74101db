using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;

namespace Remandzana.Tests.Domain;

[Category("Domain")]
public sealed class MessageNormalisation
{
    [TestCase("e\u0301te\u0301", "\u00e9t\u00e9")]
    [TestCase("a\u0000b\u0007c\u001bd\u007fe\u0085f", "abcdef")]
    [TestCase("one\r\ntwo\rthree\nfour", "one\ntwo\nthree\nfour")]
    [TestCase("tab\there", "tab here")]
    [TestCase("\u202eevil\u202c and \u2067isolated\u2069", "\u202eevil\u202c and \u2067isolated\u2069")]
    [TestCase("plain text", "plain text")]
    public void MessagesAreNormalisedToNfcWithoutControlCharacters(string typed, string shown)
    {
        Assert.That(MessageText.Normalise(typed), Is.EqualTo(shown));
    }

    [Test]
    public void ALoneSurrogateBecomesAReplacementCharacter()
    {
        Assert.That(MessageText.Normalise("a\ud800b"), Is.EqualTo("a\ufffdb"));
    }

    [Test]
    public void OnlyControlCharactersIsAnEmptyMessage()
    {
        Assert.That(MessageText.Check("\u0001\u0002 \u0003", 500, out _), Is.EqualTo(MessageText.Problem.Empty));
    }
}
