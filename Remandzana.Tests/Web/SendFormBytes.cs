using System.Buffers;
using System.Text;
using Remandzana.Web.Chat;

namespace Remandzana.Tests.Web;

/// <summary>The send form is written from a builder's chunks: the bytes and their count are the string's, whatever the chunks split.</summary>
[Category("Web")]
public sealed class SendFormBytes
{
    [Test]
    public void ASurrogatePairSplitBetweenChunksIsWrittenAndCountedAsOneCharacter()
    {
        // A builder that starts tiny grows chunk by chunk, so some chunk boundary falls inside a pair; lone halves too.
        var text = new StringBuilder(1);
        for (var i = 0; i < 300; i++)
        {
            text.Append('a', i % 3).Append("😀Ж").Append(i % 50 == 0 ? "\uD83D" : "");
        }

        var splitPairs = 0;
        foreach (var chunk in text.GetChunks())
        {
            splitPairs += char.IsHighSurrogate(chunk.Span[^1]) ? 1 : 0;
        }

        Assert.That(splitPairs, Is.Positive, "the test needs a chunk that ends inside a pair");
        text.Append('\uD83D');
        var output = new ArrayBufferWriter<byte>();

        Utf8Chunks.Write(text, output);

        var expected = Encoding.UTF8.GetBytes(text.ToString());
        Assert.That(output.WrittenSpan.ToArray(), Is.EqualTo(expected));
        Assert.That(Utf8Chunks.ByteCount(text), Is.EqualTo(expected.Length));
    }

    [Test]
    public void ABuilderGrownPastTheKeptSizeIsNotHandedOutAgain()
    {
        var grown = ReusedBuilder.Take().Append('x', 40_000);
        ReusedBuilder.Give(grown);

        var next = ReusedBuilder.Take();

        Assert.That(next, Is.Not.SameAs(grown));
        Assert.That(next.Length, Is.Zero);
        ReusedBuilder.Give(next);
        Assert.That(ReusedBuilder.Take(), Is.SameAs(next).And.Property(nameof(StringBuilder.Length)).Zero);
    }
}
