using Remandzana.Tests.Support;

namespace Remandzana.Tests.Browser;

/// <summary>
/// The browser tests share one Firefox (started by the first that needs it); it stops when they are
/// done. (Not named after Firefox: a filter on a set-up fixture's name selects every test under it.)
/// </summary>
[SetUpFixture]
public sealed class BrowsersForTheRun
{
    [OneTimeTearDown]
    public Task StopTheSharedFirefox() => Firefox.StopShared();
}
