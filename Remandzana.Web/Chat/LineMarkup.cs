using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using Remandzana.Domain.Lines;
using Remandzana.Web.Localisation;

namespace Remandzana.Web.Chat;

/// <summary>
/// The markup of one log line, written straight into the response as UTF-8. Every piece of text
/// (names, messages, notices) goes through the same <see cref="HtmlEncoder"/> Razor uses, so it is
/// shown, never interpreted. A message's encoded text is shared by every viewer who renders it
/// next (one room's members all receive the same text), so global chat encodes it once, not once
/// per member. Each text sits in a &lt;bdi&gt;, so bidirectional controls in it cannot reorder what follows.
/// Notices and the site's names for people are written in the viewer's language (<see cref="NoticeWords"/>).
/// </summary>
public sealed class LineMarkup(HtmlEncoder encoder, IStringLocalizer<SiteText> words)
{
    private EncodedText? _last;

    public static ReadOnlySpan<byte> Heartbeat => "<i class=\"hb\"></i>\n"u8;

    /// <summary>Closes the log, the main content and the page when the conversation is over.</summary>
    public static ReadOnlySpan<byte> End => "<i class=\"hb ended\"></i>\n</div>\n</main>\n</body>\n</html>\n"u8;

    public void Write(Line line, IBufferWriter<byte> output)
    {
        switch (line)
        {
            case ChatLine chat:
                output.Write("<div class=\"line chat "u8);
                Ascii(LineStyle.For(chat.From.Colour), output);
                output.Write("\"><b class=\"who\">"u8);
                Encoded(words.Name(chat.From), output);
                output.Write(":</b> <bdi class=\"text\">"u8);
                output.Write(SharedEncoding(chat.Text));
                output.Write("</bdi></div>\n"u8);
                break;
            case SystemLine notice:
                output.Write("<div class=\"line system "u8);
                Ascii(LineStyle.For(notice.Kind), output);
                output.Write("\"><bdi>"u8);
                Encoded(words.Say(notice.Notice), output);
                output.Write("</bdi></div>\n"u8);
                break;
        }
    }

    /// <summary>The encoded UTF-8 of <paramref name="text"/>, reused while the same string is rendered for one viewer after another.</summary>
    private ReadOnlySpan<byte> SharedEncoding(string text)
    {
        var last = Volatile.Read(ref _last);
        if (last is not null && ReferenceEquals(last.Source, text))
        {
            return last.Utf8;
        }

        var encoded = new EncodedText(text, Encoding.UTF8.GetBytes(encoder.Encode(text)));
        Volatile.Write(ref _last, encoded);
        return encoded.Utf8;
    }

    private void Encoded(string text, IBufferWriter<byte> output) => Encoding.UTF8.GetBytes(encoder.Encode(text), output);

    /// <summary>Class names are fixed ASCII words chosen by the server.</summary>
    private static void Ascii(string word, IBufferWriter<byte> output) => Encoding.ASCII.GetBytes(word, output);

    private sealed record EncodedText(string Source, byte[] Utf8);
}
