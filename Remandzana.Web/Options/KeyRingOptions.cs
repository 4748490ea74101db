using System.ComponentModel.DataAnnotations;

namespace Remandzana.Web.Options;

/// <summary>Remandzana:KeyRing — where Data Protection keeps the keys that sign send-form tokens, and what protects them at rest.</summary>
public sealed class KeyRingOptions
{
    public const string Section = "Remandzana:KeyRing";

    /// <summary>A folder, relative to the working directory unless absolute. Keep it across restarts so open forms stay valid.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Directory { get; set; } = "keys";

    /// <summary>
    /// A certificate with an RSA private key that encrypts every key of the ring at rest (folder or
    /// Redis): a PEM file (the certificate, and its key unless <see cref="CertificateKey"/> names
    /// another file) or a PFX. Every instance of a site needs the same one. Empty: keys are kept in clear.
    /// </summary>
    public string Certificate { get; set; } = "";

    /// <summary>The PEM file of the certificate's private key, when it is not in the certificate's own file.</summary>
    public string CertificateKey { get; set; } = "";

    /// <summary>The PFX's password, or the encrypted PEM key's.</summary>
    public string CertificatePassword { get; set; } = "";
}
