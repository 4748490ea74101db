namespace Remandzana.Tests.Support;

public static class Repository
{
    /// <summary>The repository's top folder (the one with Remandzana.sln), found from the test output.</summary>
    public static string Root()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Remandzana.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("Remandzana.sln was not found above " + AppContext.BaseDirectory);
    }
}
