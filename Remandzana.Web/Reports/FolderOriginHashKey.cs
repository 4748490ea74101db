using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Remandzana.Web.Grains;
using Remandzana.Web.Options;
using Remandzana.Web.Security;

namespace Remandzana.Web.Reports;

/// <summary>The origin-hash key of a single instance: a file next to the Data Protection keys (<c>Remandzana:KeyRing:Directory</c>), readable by the app's user only.</summary>
public sealed class FolderOriginHashKey(IOptions<KeyRingOptions> keyRing, IDataProtectionProvider protection) : IOriginHashKey
{
    /// <summary>Not ".xml": the key ring's repository reads every XML file of its folder as a key.</summary>
    public const string FileName = "origin-hash-key.txt";

    public byte[] Load()
    {
        var protector = protection.CreateProtector(IOriginHashKey.Purpose);
        var folder = Path.GetFullPath(keyRing.Value.Directory);
        var path = Path.Combine(folder, FileName);
        if (File.Exists(path))
        {
            return protector.Unprotect(Convert.FromBase64String(File.ReadAllText(path).Trim()));
        }

        KeyRingFolder.Prepare(folder);
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        var temporary = Path.Combine(folder, $".{FileName}.{Guid.NewGuid():N}.tmp");
        // A name of its own: instances that share the folder (containers all run as PID 1) never write one file.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temporary, System.Text.Encoding.ASCII, options))
        {
            writer.Write(Convert.ToBase64String(protector.Protect(key)));
        }

        try
        {
            // Never over a key another start wrote meanwhile: bars already hashed with it must keep holding.
            File.Move(temporary, path, overwrite: false);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return protector.Unprotect(Convert.FromBase64String(File.ReadAllText(path).Trim()));
        }
    }
}
