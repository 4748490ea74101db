namespace Remandzana.Domain.Moderation;

/// <summary>
/// One message as the policies read it: as it was written, and as a reader sees it
/// (<see cref="ReaderView"/>), worked out once however many policies look.
/// </summary>
public sealed class Reading(string written)
{
    private string? _forAddresses;

    /// <summary>The text as links and onion addresses in it read: see <see cref="ReaderView.ForAddresses"/>.</summary>
    public string ForAddresses => _forAddresses ??= ReaderView.ForAddresses(written);
}
