namespace Remandzana.Tests.Support;

/// <summary>
/// One app for all the tests of a class; after each test, everyone it connected has left, so
/// the next test never meets its leftovers in a lobby.
/// </summary>
public abstract class SharedAppFixture
{
    private readonly IDictionary<string, string?>? _settings;

    protected SharedAppFixture(IDictionary<string, string?>? settings = null) => _settings = settings;

    protected RemandzanaApp App { get; private set; } = null!;

    [OneTimeSetUp]
    public void StartApp() => App = new RemandzanaApp(_settings);

    [TearDown]
    public Task EveryoneLeft() => App.WaitUntilEveryoneHasLeft();

    [OneTimeTearDown]
    public async Task StopApp() => await App.DisposeAsync();
}
