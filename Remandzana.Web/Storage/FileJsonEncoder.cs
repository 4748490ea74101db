using System.Text;
using System.Text.Encodings.Web;

namespace Remandzana.Web.Storage;

/// <summary>
/// Escapes what JSON itself requires (quote, backslash, control characters, a surrogate without
/// its pair) and the few ASCII characters HTML gives a meaning to, so every other character —
/// accents, Chinese, Arabic, emoji — is written as its UTF-8 bytes: a report of 500-emoji lines
/// stays 4 bytes a character instead of 12.
/// </summary>
/// <remarks>
/// Safe here and nowhere else: the folders' files are read back by the JSON reader and shown only
/// through Razor's HTML encoder or as /debug's JSON (written with the default encoder), never
/// served as they are; the built-in relaxed encoder still escapes every character outside the
/// Basic Multilingual Plane (dotnet/runtime#42847).
/// </remarks>
public sealed class FileJsonEncoder : JavaScriptEncoder
{
    public static readonly FileJsonEncoder Instance = new();

    private FileJsonEncoder()
    {
    }

    public override int MaxOutputCharactersPerInputCharacter => 6;

    public override bool WillEncode(int unicodeScalar) =>
        unicodeScalar < 0x20 || unicodeScalar is '"' or '\\' or 0x7F or >= 0xD800 and <= 0xDFFF or 0xFFFE or 0xFFFF || IsHtmlSensitive(unicodeScalar);

    // Not needed by JSON, escaped anyway as the default encoder does: a file opened by mistake in a browser shows no markup.
    private static bool IsHtmlSensitive(int unicodeScalar) => unicodeScalar is '<' or '>' or '&' or '\'' or '`' or '+';

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        for (var i = 0; i < textLength; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < textLength && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (WillEncode(c))
            {
                return i;
            }
        }

        return -1;
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        if (!WillEncode(unicodeScalar))
        {
            return new Rune(unicodeScalar).TryEncodeToUtf16(new Span<char>(buffer, bufferLength), out numberOfCharactersWritten);
        }

        if (bufferLength < 6)
        {
            numberOfCharactersWritten = 0;
            return false;
        }

        buffer[0] = '\\';
        buffer[1] = 'u';
        for (var i = 0; i < 4; i++)
        {
            buffer[5 - i] = "0123456789ABCDEF"[(unicodeScalar >> (4 * i)) & 0xF];
        }

        numberOfCharactersWritten = 6;
        return true;
    }
}
