using System.Buffers;
using System.Text;

namespace Remandzana.Web.Chat;

/// <summary>
/// A builder's text as UTF-8, chunk by chunk, without making a string of it. One encoder carries a
/// surrogate pair that a chunk boundary splits, so the count and the bytes match the string's.
/// </summary>
public static class Utf8Chunks
{
    /// <summary>A lone surrogate is written as U+FFFD.</summary>
    private const int ReplacementBytes = 3;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The bytes <see cref="Write"/> writes. (An encoder's byte count keeps no state between calls, so a pair split between chunks is joined here.)</summary>
    public static long ByteCount(StringBuilder text)
    {
        long count = 0;
        var pendingHigh = false;
        foreach (var chunk in text.GetChunks())
        {
            var span = chunk.Span;
            if (pendingHigh && span.Length > 0)
            {
                count += char.IsLowSurrogate(span[0]) ? 4 : ReplacementBytes;
                span = char.IsLowSurrogate(span[0]) ? span[1..] : span;
                pendingHigh = false;
            }

            if (span.Length > 0 && char.IsHighSurrogate(span[^1]))
            {
                pendingHigh = true;
                span = span[..^1];
            }

            count += Utf8.GetByteCount(span);
        }

        return count + (pendingHigh ? ReplacementBytes : 0);
    }

    public static void Write(StringBuilder text, IBufferWriter<byte> writer)
    {
        var encoder = Utf8.GetEncoder();
        foreach (var chunk in text.GetChunks())
        {
            encoder.Convert(chunk.Span, writer, flush: false, out _, out _);
        }

        encoder.Convert([], writer, flush: true, out _, out _);
    }
}
