using System.ComponentModel.DataAnnotations;

namespace Remandzana.Web.Options;

/// <summary>Remandzana:KeyRing — where Data Protection keeps the keys that sign send-form tokens.</summary>
public sealed class KeyRingOptions
{
    public const string Section = "Remandzana:KeyRing";

    /// <summary>A folder, relative to the working directory unless absolute. Keep it across restarts so open forms stay valid.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Directory { get; set; } = "keys";
}
