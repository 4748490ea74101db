using System.Buffers.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.KeyManagement.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Remandzana.Domain.People;
using Remandzana.Web.Grains;
using Remandzana.Web.Options;
using Remandzana.Web.Security;

namespace Remandzana.Tests.Web;

/// <summary>
/// A send token is one HMAC with a key derived from the Data Protection key ring: it opens where the
/// ring is shared and nowhere else, and refuses anything forged, altered, oversized or too old.
/// </summary>
[Category("Web")]
public sealed class SendTokensOnTheKeyRing
{
    private static readonly PersonId Alice = PersonId.New();
    private const string Home = "S127.0.0.1:11111:123456789";

    private readonly List<string> _folders = [];
    private readonly List<ServiceProvider> _providers = [];

    [TearDown]
    public async Task RemoveKeyRings()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        foreach (var folder in _folders)
        {
            Directory.Delete(folder, recursive: true);
        }

        _providers.Clear();
        _folders.Clear();
    }

    [TestCase(false)]
    [TestCase(true)]
    public void ATokenSaysWhoItWasIssuedTo(bool isSetup)
    {
        var tokens = Instance(NewKeyRing()).Tokens;

        Assert.That(tokens.Read(tokens.Issue(Alice, Home, isSetup)), Is.EqualTo(new SendToken(Alice, Home, isSetup)));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("forged")]
    [TestCase("AAAA")]
    [TestCase("not base64 at all!")]
    [TestCase("CfDJ8Dq_p40vmb5GkgtuyR1b0xM")]
    public void MadeUpTextIsRefused(string? text) =>
        Assert.That(Instance(NewKeyRing()).Tokens.Read(text), Is.Null);

    [Test]
    public void ChangingAnyByteOfATokenMakesItWorthless()
    {
        var tokens = Instance(NewKeyRing()).Tokens;
        var bytes = Base64Url.DecodeFromChars(tokens.Issue(Alice, Home, isSetup: false));

        for (var position = 0; position < bytes.Length; position++)
        {
            var altered = (byte[])bytes.Clone();
            altered[position] ^= 0x01;
            Assert.That(tokens.Read(Base64Url.EncodeToString(altered)), Is.Null, $"byte {position} of {bytes.Length} flipped");
        }

        Assert.That(tokens.Read(Base64Url.EncodeToString(bytes.AsSpan(..^1))), Is.Null, "shortened");
        Assert.That(tokens.Read(Base64Url.EncodeToString([.. bytes, 0])), Is.Null, "lengthened");
    }

    [Test]
    public void ATokenNamesTheRoomOnlyWhenGivenOneAndNobodyCanAddOrChangeIt()
    {
        var tokens = Instance(NewKeyRing()).Tokens;
        var withRoom = tokens.Issue(Alice, Home, isSetup: false, room: "two-abc");

        Assert.That(tokens.Read(withRoom), Is.EqualTo(new SendToken(Alice, Home, false, "two-abc")));
        Assert.That(tokens.Read(tokens.Issue(Alice, Home, isSetup: false))!.Room, Is.Null);

        // A script that reads its own token tries to point it at another room, or to add one.
        var bytes = Base64Url.DecodeFromChars(withRoom);
        var at = bytes.AsSpan().IndexOf("two-abc"u8);
        "two-xyz"u8.CopyTo(bytes.AsSpan(at));
        Assert.That(tokens.Read(Base64Url.EncodeToString(bytes)), Is.Null, "another room");
        var plain = Base64Url.DecodeFromChars(tokens.Issue(Alice, Home, isSetup: false)).ToList();
        plain.InsertRange(plain.Count - 32, "|global"u8.ToArray());
        Assert.That(tokens.Read(Base64Url.EncodeToString(plain.ToArray())), Is.Null, "a room added");
    }

    [Test]
    public void ASetupTokenCannotBeTurnedIntoAMessageToken()
    {
        var tokens = Instance(NewKeyRing()).Tokens;
        var bytes = Base64Url.DecodeFromChars(tokens.Issue(Alice, Home, isSetup: true));
        var kind = Array.IndexOf(bytes, (byte)'s', 25);
        bytes[kind] = (byte)'m';

        Assert.That(tokens.Read(Base64Url.EncodeToString(bytes)), Is.Null);
    }

    [Test]
    public void AnOversizedTokenIsRefusedEvenWhenSigned()
    {
        var tokens = Instance(NewKeyRing()).Tokens;

        Assert.That(tokens.Read(tokens.Issue(Alice, new string('h', 700), isSetup: false)), Is.Null, "over 1,024 characters");
        Assert.That(tokens.Read(new string('A', 1025)), Is.Null);
        Assert.That(tokens.Read(tokens.Issue(Alice, new string('h', 600), isSetup: false)), Is.Not.Null, "a long token under the limit is fine");
    }

    [Test]
    public void ATokenLastsItsLifetimeAndNoLonger()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var tokens = Instance(NewKeyRing(), clock).Tokens;
        var token = tokens.Issue(Alice, Home, isSetup: false);

        clock.Advance(TimeSpan.FromHours(24));
        Assert.That(tokens.Read(token), Is.Not.Null, "exactly its lifetime old");
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That(tokens.Read(token), Is.Null, "a second older");
    }

    [Test]
    public void ATokenFromTooFarInTheFutureIsRefused()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var folder = NewKeyRing();
        var reader = Instance(folder, clock).Tokens;
        var aheadClock = new FakeTimeProvider(clock.GetUtcNow() + TimeSpan.FromMinutes(6));
        var ahead = Instance(folder, aheadClock).Tokens;
        var slightlyAhead = Instance(folder, new FakeTimeProvider(clock.GetUtcNow() + TimeSpan.FromMinutes(4))).Tokens;

        Assert.That(reader.Read(ahead.Issue(Alice, Home, isSetup: false)), Is.Null, "six minutes ahead");
        Assert.That(reader.Read(slightlyAhead.Issue(Alice, Home, isSetup: false)), Is.Not.Null, "four minutes ahead: another instance's clock");
    }

    [Test]
    public void AnotherKeyRingsTokenIsRefused()
    {
        var mine = Instance(NewKeyRing()).Tokens;
        var theirs = Instance(NewKeyRing()).Tokens;

        Assert.That(mine.Read(theirs.Issue(Alice, Home, isSetup: false)), Is.Null);
    }

    [Test]
    public void InstancesSharingTheKeyRingReadEachOthersTokens()
    {
        var folder = NewKeyRing();
        var first = Instance(folder).Tokens;
        var fromFirst = first.Issue(Alice, Home, isSetup: true);
        var second = Instance(folder).Tokens;

        Assert.That(second.Read(fromFirst), Is.EqualTo(new SendToken(Alice, Home, IsSetup: true)));
        Assert.That(first.Read(second.Issue(Alice, Home, isSetup: false)), Is.EqualTo(new SendToken(Alice, Home, IsSetup: false)));
    }

    [Test]
    public void AfterTheRingRotatesTheNewKeySignsAndBothKeysOpenOnEveryInstance()
    {
        var folder = NewKeyRing();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var first = Instance(folder, clock);
        var second = Instance(folder, clock);
        var before = first.Tokens.Issue(Alice, Home, isSetup: false);
        Assert.That(second.Tokens.Read(before), Is.Not.Null, "the second instance has read the ring");

        first.Services.GetRequiredService<IKeyManager>().CreateNewKey(activationDate: DateTimeOffset.UtcNow, expirationDate: DateTimeOffset.UtcNow.AddDays(90));
        // An instance started after the rotation signs with the new key from its first token.
        var after = Instance(folder, clock).Tokens.Issue(Alice, Home, isSetup: false);
        clock.Advance(TimeSpan.FromSeconds(2));

        Assert.That(KeyIdOf(after), Is.Not.EqualTo(KeyIdOf(before)), "the new key signs");
        Assert.That(second.Tokens.Read(after), Is.EqualTo(new SendToken(Alice, Home, IsSetup: false)), "an instance that knew only the old key finds the new one in the shared ring");
        Assert.That(first.Tokens.Read(after), Is.Not.Null);
        Assert.That(second.Tokens.Read(before), Is.Not.Null, "the old key still opens");
        Assert.That(first.Tokens.Read(before), Is.Not.Null);
    }

    [Test]
    public void ARevokedKeysTokensAreRefused()
    {
        var instance = Instance(NewKeyRing());
        var token = instance.Tokens.Issue(Alice, Home, isSetup: false);

        instance.Services.GetRequiredService<IKeyManager>().RevokeKey(KeyIdOf(token), "test");

        Assert.That(instance.Tokens.Read(token), Is.Null);
    }

    [Test]
    public void ATokenNamingAKeyTheRingDoesNotHaveIsRefused()
    {
        var tokens = Instance(NewKeyRing()).Tokens;
        var bytes = Base64Url.DecodeFromChars(tokens.Issue(Alice, Home, isSetup: false));
        Guid.NewGuid().TryWriteBytes(bytes.AsSpan(1, 16));

        Assert.That(tokens.Read(Base64Url.EncodeToString(bytes)), Is.Null);
    }

    private static Guid KeyIdOf(string token) => new(Base64Url.DecodeFromChars(token).AsSpan(1, 16));

    private string NewKeyRing()
    {
        var folder = Directory.CreateTempSubdirectory("remandzana-keys-").FullName;
        _folders.Add(folder);
        return folder;
    }

    private (SendTokens Tokens, IServiceProvider Services) Instance(string keyRing, TimeProvider? clock = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection().SetApplicationName("Remandzana").PersistKeysToFileSystem(new DirectoryInfo(keyRing));
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        var tokens = new SendTokens(
            provider.GetRequiredService<IKeyManager>(),
            provider.GetRequiredService<IKeyRingProvider>(),
            clock ?? TimeProvider.System,
            Microsoft.Extensions.Options.Options.Create(new ChatOptions()));
        return (tokens, provider);
    }
}
