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

        var body = await ReadLimited(request.Body, request.HttpContext.RequestAborted);
        if (body is null)
        {
            return new PostedForm(FormProblem.TooLarge, "That is too much text to send at once.", new Dictionary<string, string>());
        }

        return Parse(body, required, freeText);
    }

    private async Task<byte[]?> ReadLimited(Stream body, CancellationToken cancellation)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellation)) > 0)
        {
            if (buffer.Length + read > _maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static PostedForm Parse(byte[] body, IReadOnlyCollection<string> required, string freeText)
    {
        var fields = new Dictionary<string, string>();
        Notice? problem = null;
        foreach (var pair in new ReadOnlySpan<byte>(body).Split((byte)'&'))
        {
            var bytes = body.AsSpan(pair);
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
