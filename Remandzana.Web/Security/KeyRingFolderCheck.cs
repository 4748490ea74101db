using Microsoft.Extensions.Options;
using Remandzana.Web.Grains;
using Remandzana.Web.Options;

namespace Remandzana.Web.Security;

/// <summary>
/// Prepares the key ring's folder (<see cref="KeyRingFolder"/>) as part of validating
/// Remandzana:KeyRing, so it happens at start before anything reads or writes a key (the folder
/// repository is built from these options), and a folder that cannot be made owner-only stops the start.
/// </summary>
public sealed class KeyRingFolderCheck : IValidateOptions<KeyRingOptions>
{
    /// <summary>What the first check did to the folder, for the start-up log line; null before it ran.</summary>
    public string? Outcome { get; private set; }

    public ValidateOptionsResult Validate(string? name, KeyRingOptions options)
    {
        var path = Path.GetFullPath(options.Directory);
        try
        {
            var outcome = KeyRingFolder.Prepare(path);
            Outcome ??= outcome;
            return ValidateOptionsResult.Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ValidateOptionsResult.Fail(
                $"{KeyRingOptions.Section}:Directory: {path} cannot be made owner-only (0700) for the key ring ({e.Message}). Give it to the account the site runs as, or name another folder.");
        }
    }
}
