namespace Remandzana.Tests.Support;

/// <summary>One app and one script-less Chromium per browser test class.</summary>
public abstract class BrowserFixture
{
    protected RemandzanaApp App { get; private set; } = null!;

    protected Chromium Chromium { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartAppAndBrowser()
    {
        Chromium = await Chromium.Launch();
        App = new RemandzanaApp();
    }

    [OneTimeTearDown]
    public async Task StopAppAndBrowser()
    {
        if (Chromium is not null)
        {
            await Chromium.DisposeAsync();
        }

        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }
}
