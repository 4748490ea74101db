namespace Remandzana.Tests.Support;

/// <summary>
/// A response a page in Firefox received in full: a document, a stylesheet, a picture, a sound.
/// <see cref="Body"/> holds the bytes as received (after content decoding), or null when the browser
/// kept none (larger than the tab records, or a data: address).
/// </summary>
public sealed record FetchedResponse(Uri Url, int Status, string ContentType, string Destination, IReadOnlyDictionary<string, string> Headers, byte[]? Body)
{
    public override string ToString() => $"{Status} {ContentType} {Destination} {Url} ({(Body is null ? "no body" : $"{Body.Length} bytes")})";
}
