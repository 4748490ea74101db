namespace Remandzana.Tests.Support;

/// <summary>
/// Browser, proxy and Docker tests need programs from Debian packages. Locally a missing one
/// ignores the test with the package to install; with REMANDZANA_REQUIRE_SYSTEM_TESTS=1 (set by
/// .ci/run, which installs them) a missing one fails it.
/// </summary>
public static class SystemRequirement
{
    public const string RequireVariable = "REMANDZANA_REQUIRE_SYSTEM_TESTS";

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>Returns the full path of <paramref name="program"/>, or ignores/fails the test naming <paramref name="package"/>.</summary>
    public static string Program(string program, string package)
    {
        if (Find(program) is { } path)
        {
            return path;
        }

        var message = $"'{program}' was not found: install the Debian package '{package}' (apt-get install -y {package}), as .ci/run does.";
        if (Required)
        {
            Assert.Fail(message + $" {RequireVariable}=1, so a missing system package is a failure.");
        }

        Assert.Ignore(message);
        return "";
    }

    private static string? Find(string program)
    {
        if (Path.IsPathRooted(program))
        {
            return File.Exists(program) ? program : null;
        }

        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/sbin", "/usr/bin", "/bin"]);
        return folders.Select(folder => Path.Combine(folder, program)).FirstOrDefault(File.Exists);
    }
}
