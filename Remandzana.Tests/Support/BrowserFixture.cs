namespace Remandzana.Tests.Support;

/// <summary>One app and one script-less Chromium per browser test class.</summary>
public abstract class BrowserFixture
{
    private readonly IDictionary<string, string?>? _settings;

    /// <param name="settings">The app's settings beyond the tests' own (e.g. <see cref="ConsoleOperators.Settings"/>).</param>
    protected BrowserFixture(IDictionary<string, string?>? settings = null) => _settings = settings;

    protected RemandzanaApp App { get; private set; } = null!;

    protected Chromium Chromium { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartAppAndBrowser()
    {
        Chromium = await Chromium.Launch();
        App = new RemandzanaApp(_settings);
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
