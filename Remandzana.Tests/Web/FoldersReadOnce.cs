using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Remandzana.Web.Feedback;
using Remandzana.Web.Options;

namespace Remandzana.Tests.Web;

/// <summary>
/// A folder of 5,000 feedback files costs what a reader asks nothing once warm: the store answers
/// from memory (no disk, no allocation per file), and a rescan parses only what changed.
/// </summary>
[Category("Web")]
public sealed class FoldersReadOnce
{
    private const int Files = 5_000;

    private string _folder = "";

    [SetUp]
    public void Write5000Files()
    {
        _folder = Directory.CreateTempSubdirectory("remandzana-feedback-").FullName;
        for (var i = 0; i < Files; i++)
        {
            File.WriteAllText(Path.Combine(_folder, $"{i:D5}.json"), Entry(i, visible: i % 1000 == 0));
        }
    }

    [TearDown]
    public void Remove() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void ReadingTheVisibleEntriesOnceWarmAllocatesNothingPerFile()
    {
        var store = Store();
        Assert.That(store.Visible(), Has.Count.EqualTo(Files / 1000), "warm: read once");

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var read = 0; read < 100; read++)
        {
            store.Visible();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(allocated, Is.LessThan(1_024), "100 reads of 5,000 files: nothing per file, nothing per read");
    }

    [Test]
    public void ARescanParsesOnlyTheFilesThatChanged()
    {
        var store = Store();
        store.Visible();
        File.WriteAllText(Path.Combine(_folder, "00001.json"), Entry(1, visible: true));

        var before = GC.GetAllocatedBytesForCurrentThread();
        store.Rescan();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Listing costs a name and a file's details per file; parsing each would cost its 16 KB read buffer and more.
        Assert.That(allocated, Is.LessThan(Files * 1_024L), "no file is read again but the one that changed");
        Assert.That(store.Visible().Select(entry => entry.Message), Does.Contain("entry 1"), "the changed file was read again");
    }

    private FeedbackStore Store() => new(
        Microsoft.Extensions.Options.Options.Create(new FeedbackOptions { Directory = _folder }),
        TimeProvider.System,
        NullLogger<FeedbackStore>.Instance);

    private static string Entry(int i, bool visible) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["timestamp"] = 1634000000 + i,
        ["datetime"] = "then",
        ["message"] = $"entry {i}",
        ["visible"] = visible,
        ["reply"] = null,
        ["operator"] = false,
    });
}
