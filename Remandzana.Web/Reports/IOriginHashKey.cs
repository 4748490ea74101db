namespace Remandzana.Web.Reports;

/// <summary>
/// Where the key of <see cref="OriginHashes"/> lives: made once at random by whichever instance
/// needs it first, then read back by every instance, start after start. It is stored sealed by
/// Data Protection (purpose <see cref="Purpose"/>), so it has the key ring's own protection at rest
/// and is useless without the ring.
/// </summary>
public interface IOriginHashKey
{
    public const string Purpose = "Remandzana.OriginHashKey.v1";

    /// <summary>The 32-byte key, made and stored if there is none yet.</summary>
    byte[] Load();
}
