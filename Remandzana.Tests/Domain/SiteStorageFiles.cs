using System.Runtime.Versioning;
using Orleans.Runtime;
using Orleans.Storage;
using Remandzana.Domain.Site;
using Remandzana.Web.Operator;
using Remandzana.Web.Storage;

namespace Remandzana.Tests.Domain;

/// <summary>Alone, the site's decisions are kept one JSON file per grain state, owner-only, named so no key can point elsewhere.</summary>
[Category("Domain")]
public sealed class SiteStorageFiles
{
    private string _folder = null!;

    [SetUp]
    public void NewFolder() => _folder = Path.Combine(Directory.CreateTempSubdirectory("remandzana-state-").FullName, "state");

    [TearDown]
    public void RemoveFolder() => Directory.Delete(Path.GetDirectoryName(_folder) ?? _folder, recursive: true);

    [Test]
    public async Task AStateWrittenIsReadBackByAnotherStorageOverTheSameFolder()
    {
        var grain = GrainId.Create("sitesettings", "0");
        var written = new GrainState<SiteOverrides>(new SiteOverrides { Version = 7, Lockdown = Lockdown.NoNewChats, NoticeByLanguage = new() { ["zh"] = "马上回来" } });
        await new JsonFileGrainStorage(_folder).WriteStateAsync("settings", grain, written);

        var read = new GrainState<SiteOverrides>(new SiteOverrides());
        await new JsonFileGrainStorage(_folder).ReadStateAsync("settings", grain, read);

        Assert.Multiple(() =>
        {
            Assert.That(read.RecordExists, Is.True);
            Assert.That(read.State!.Version, Is.EqualTo(7));
            Assert.That(read.State!.Lockdown, Is.EqualTo(Lockdown.NoNewChats));
            Assert.That(read.State!.NoticeByLanguage?["zh"], Is.EqualTo("马上回来"));
            Assert.That(Directory.GetFiles(_folder), Has.Length.EqualTo(1), "no temporary file left behind");
            Assert.That(File.ReadAllText(Directory.GetFiles(_folder)[0]), Does.Contain("NoNewChats").And.Contain("马上回来"), "readable by the operator");
        });
    }

    [Test]
    [UnsupportedOSPlatform("windows")]
    public async Task TheFolderAndItsFilesAreTheOwnersOnly()
    {
        await new JsonFileGrainStorage(_folder).WriteStateAsync("settings", GrainId.Create("sitesettings", "0"), new GrainState<SiteOverrides>(new SiteOverrides()));

        Assert.That(File.GetUnixFileMode(_folder), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
        Assert.That(File.GetUnixFileMode(Directory.GetFiles(_folder)[0]), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }

    [Test]
    public async Task AKeyThatSpellsAPathStaysAFileNameInTheFolderAndClearingDeletesIt()
    {
        var storage = new JsonFileGrainStorage(_folder);
        var grain = GrainId.Create("filters", "../../etc/passwd");
        var state = new GrainState<SiteOverrides>(new SiteOverrides { Notice = "x" });

        await storage.WriteStateAsync("settings", grain, state);
        var files = Directory.GetFiles(_folder);
        await storage.ClearStateAsync("settings", grain, state);

        Assert.That(files, Has.Length.EqualTo(1));
        Assert.That(Path.GetFileName(files[0]), Does.Not.Contain("/").And.Not.Contain(".."));
        Assert.That(Directory.GetFiles(_folder), Is.Empty);
        Assert.That(state.RecordExists, Is.False);
    }

    [Test]
    public async Task NothingStoredYetReadsAsNoRecord()
    {
        var state = new GrainState<SiteOverrides>(new SiteOverrides());
        await new JsonFileGrainStorage(_folder).ReadStateAsync("settings", GrainId.Create("sitesettings", "0"), state);
        Assert.That(state.RecordExists, Is.False);
        Assert.That(state.State!.Version, Is.Zero);
    }
}
