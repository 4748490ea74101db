namespace Remandzana.Tests;

/// <summary>
/// Settings for every app the run starts, in this process or as a child process. An app watches
/// its web root for the CSS link's content hash (asp-append-version), and a host does not release
/// that watcher when it stops: each one held an inotify instance until the user's limit (128 by
/// default) was reached part-way through a run. Polling watches hold none.
/// </summary>
[SetUpFixture]
public sealed class TestRunSettings
{
    [OneTimeSetUp]
    public void WatchFilesByPolling() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
}
