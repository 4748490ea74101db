using Remandzana.Web.Grains;
namespace Remandzana.Web.Security;

/// <summary>
/// The key ring's folder, owner-only: without a certificate the keys in it are in clear, and its
/// permissions are all that keeps other accounts of the machine from reading them (and forging
/// every send form). Made so when missing; tightened when group or others may enter it.
/// </summary>
public static class KeyRingFolder
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private const UnixFileMode GroupAndOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Makes <paramref name="path"/> an owner-only folder.</summary>
    /// <returns>What was done, in words for the log ("made owner-only (0700)", …).</returns>
    /// <exception cref="IOException">It cannot be made or tightened (e.g. another account owns it).</exception>
    /// <exception cref="UnauthorizedAccessException">Likewise.</exception>
    public static string Prepare(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return "permissions as Windows set them";
        }

        if (!Directory.Exists(path))
        {
            Directory.CreateDirectory(path, OwnerOnly);
            return "made owner-only (0700)";
        }

        var mode = File.GetUnixFileMode(path);
        if ((mode & GroupAndOthers) == 0)
        {
            return "owner-only (0700)";
        }

        File.SetUnixFileMode(path, mode & ~GroupAndOthers);
        return $"tightened from {Octal(mode)} to owner-only ({Octal(mode & ~GroupAndOthers)})";
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode & 0x1FF, 8).PadLeft(4, '0');
}
