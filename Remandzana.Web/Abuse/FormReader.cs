using System.Buffers;
using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Remandzana.Domain.Lines;
using Remandzana.Web.Options;

namespace Remandzana.Web.Abuse;

/// <summary>
/// Reads the small form-encoded bodies of POST /send and POST /feedback strictly: refuses a
/// body over the limit before reading it whole, and tells apart what the framework's lenient
/// form binding would silently accept (repeated fields, invalid UTF-8, control characters).
/// </summary>
public sealed class FormReader(IOptions<LimitsOptions> limits)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UTF8Encoding LenientUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly int _maxBytes = limits.Value.MaxFormBytes;

    /// <param name="required">The fields the form must have, each exactly once.</param>
    /// <param name="freeText">The one field where the user's own text goes: control characters there are cleaned later, not refused.</param>
    public async Task<PostedForm> Read(HttpRequest request, IReadOnlyCollection<string> required, string freeText)
    {
        if (request.ContentLength > _maxBytes)
        {
            return new PostedForm(FormProblem.TooLarge, "That is too much text to send at once.", new Dictionary<string, string>());
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return Malformed("This is not a form post.", new Dictionary<string, string>());
        }

        // One pooled buffer for the whole body: this runs once per message.
        var buffer = ArrayPool<byte>.Shared.Rent(_maxBytes + 1);
        try
        {
            var length = await ReadLimited(request.Body, buffer, request.HttpContext.RequestAborted);
            return length > _maxBytes
                ? new PostedForm(FormProblem.TooLarge, "That is too much text to send at once.", new Dictionary<string, string>())
                : Parse(buffer.AsSpan(0, length), required, freeText);
        }
        catch (BadHttpRequestException)
        {
            // The body ended before its declared length, or came too slowly: the sender has usually
            // gone (a closed tab, a cancelled post), so this is an answer to no one, not a server error.
            return Malformed("The form did not arrive whole; nothing was sent. Try again.", new Dictionary<string, string>());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <returns>The body's length, or more than the limit when it is longer (reading stops there).</returns>
    private async Task<int> ReadLimited(Stream body, byte[] buffer, CancellationToken cancellation)
    {
        var length = 0;
        int read;
        while (length <= _maxBytes && (read = await body.ReadAsync(buffer.AsMemory(length, _maxBytes + 1 - length), cancellation)) > 0)
        {
            length += read;
        }

        return length;
    }

    private static PostedForm Parse(ReadOnlySpan<byte> body, IReadOnlyCollection<string> required, string freeText)
    {
        var fields = new Dictionary<string, string>();
        Notice? problem = null;
        foreach (var pair in body.Split((byte)'&'))
        {
            var bytes = body[pair];
            if (bytes.IsEmpty)
            {
                continue;
            }

            var equals = bytes.IndexOf((byte)'=');
            var name = Decode(equals < 0 ? bytes : bytes[..equals], ref problem);
            var value = Decode(equals < 0 ? [] : bytes[(equals + 1)..], ref problem);
            if (!required.Contains(name))
            {
                continue;
            }

            if (!fields.TryAdd(name, value))
            {
                problem ??= Notice.Of("The field \"{0}\" was sent twice.", NoticeArgument.Data(name));
            }
            else if (name != freeText && value.Any(char.IsControl))
            {
                problem ??= Notice.Of("The field \"{0}\" has control characters.", NoticeArgument.Data(name));
            }
        }

        foreach (var name in required)
        {
            if (!fields.ContainsKey(name))
            {
                problem ??= Notice.Of("The field \"{0}\" is missing.", NoticeArgument.Data(name));
            }
        }

        return problem is null ? new PostedForm(FormProblem.None, null, fields) : Malformed(problem, fields);
    }

    /// <summary>Percent-decodes to bytes ('+' is a space), then UTF-8; invalid UTF-8 is noted and replaced.</summary>
    private static string Decode(ReadOnlySpan<byte> encoded, ref Notice? problem)
    {
        var plusAsSpace = encoded.ToArray();
        plusAsSpace.AsSpan().Replace((byte)'+', (byte)' ');
        var bytes = WebUtility.UrlDecodeToBytes(plusAsSpace, 0, plusAsSpace.Length);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            problem ??= "The form is not valid UTF-8 text.";
            return LenientUtf8.GetString(bytes);
        }
    }

    private static PostedForm Malformed(Notice reason, IReadOnlyDictionary<string, string> fields) => new(FormProblem.Malformed, reason, fields);
}
