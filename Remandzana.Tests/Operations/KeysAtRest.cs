using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Remandzana.Domain.Lines;
using Remandzana.Tests.Support;
using Remandzana.Web.Grains;
using Remandzana.Web.Options;
using Remandzana.Web.Security;

namespace Remandzana.Tests.Operations;

/// <summary>The Data Protection key ring at rest: encrypted with Remandzana:KeyRing:Certificate when set, in an owner-only folder always.</summary>
[Category("Web")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class KeysAtRest
{
    private string _folder = null!;

    [SetUp]
    public void MakeFolder() => _folder = Directory.CreateTempSubdirectory("remandzana-keys-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    /// <summary>A self-signed RSA certificate with its key, as `openssl req -x509 -newkey rsa -nodes` writes it: both in one PEM file.</summary>
    private string PemCertificate(string name = "key-ring.pem")
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=remandzana-key-ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(10));
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, certificate.ExportCertificatePem() + "\n" + rsa.ExportPkcs8PrivateKeyPem() + "\n");
        return path;
    }

    [Test]
    public async Task WithACertificateEveryKeyIsEncryptedAtRestAndAnotherInstanceWithTheSameCertificateReadsIt()
    {
        var certificate = PemCertificate();
        var keys = Path.Combine(_folder, "keys");
        var settings = new Dictionary<string, string?>
        {
            ["Remandzana:KeyRing:Directory"] = keys,
            ["Remandzana:KeyRing:Certificate"] = certificate,
        };
        string sealedText;
        await using (var first = new RemandzanaApp(settings))
        {
            var (alice, bob) = await first.OpenPair();
            await using var _ = alice;
            await using var __ = bob;

            Assert.That((await alice.Send("signed by an encrypted key")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "send tokens work with the ring encrypted");
            await bob.WaitForLine("Stranger: signed by an encrypted key");
            sealedText = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("across a restart");
            Assert.That(first.Logs.Entries.Select(entry => entry.Message), Has.Some.Contains("encrypted with certificate CN=remandzana-key-ring"));
        }

        var file = await File.ReadAllTextAsync(Directory.GetFiles(keys, "*.xml").Single());
        Assert.That(file, Does.Contain("EncryptedData").And.Not.Contain("<masterKey"), "the key's secret is not on disk in clear");

        await using var second = new RemandzanaApp(settings);
        Assert.That(second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(sealedText), Is.EqualTo("across a restart"));
    }

    [Test]
    public async Task WithoutOneTheKeyFolderIsMadeOwnerOnlyAndTheLogSaysSo()
    {
        var keys = Path.Combine(_folder, "keys");
        await using var app = new RemandzanaApp(new Dictionary<string, string?> { ["Remandzana:KeyRing:Directory"] = keys });
        await using var alice = await app.OpenChat("/two");

        Assert.That(File.GetUnixFileMode(keys), Is.EqualTo(KeyRingFolder.OwnerOnly));
        Assert.That(Directory.GetFiles(keys, "*.xml"), Has.Length.EqualTo(1));
        Assert.That(File.GetUnixFileMode(Directory.GetFiles(keys, "*.xml").Single()), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), "each key file is the owner's only too");
        Assert.That(app.Logs.Entries.Select(entry => entry.Message), Has.One.Contains($"Data Protection keys in {keys}, made owner-only (0700): in clear"));
    }

    [Test]
    public void AFolderOthersCanReadIsTightened()
    {
        var keys = Path.Combine(_folder, "keys");
        Directory.CreateDirectory(keys, KeyRingFolder.OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        var outcome = KeyRingFolder.Prepare(keys);

        Assert.That(File.GetUnixFileMode(keys), Is.EqualTo(KeyRingFolder.OwnerOnly));
        Assert.That(outcome, Is.EqualTo("tightened from 0755 to owner-only (0700)"));
        Assert.That(KeyRingFolder.Prepare(keys), Is.EqualTo("owner-only (0700)"), "and left alone once it is");
    }

    [Test]
    public void APfxWithItsPasswordIsReadAndACertificateThatWillNotDoStopsTheStartNamingTheSetting()
    {
        using var rsa = RSA.Create(2048);
        using var withKey = new CertificateRequest("CN=pfx", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddYears(1));
        var pfx = Path.Combine(_folder, "key-ring.pfx");
        File.WriteAllBytes(pfx, withKey.Export(X509ContentType.Pkcs12, "s3cret"));
        using var ecdsa = ECDsa.Create();
        using var notRsa = new CertificateRequest("CN=ec", ecdsa, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddYears(1));
        var ec = Path.Combine(_folder, "ec.pem");
        File.WriteAllText(ec, notRsa.ExportCertificatePem() + "\n" + ecdsa.ExportPkcs8PrivateKeyPem());
        var certificateOnly = Path.Combine(_folder, "no-key.pem");
        File.WriteAllText(certificateOnly, withKey.ExportCertificatePem());

        using var loaded = KeyRingCertificate.Load(new KeyRingOptions { Certificate = pfx, CertificatePassword = "s3cret" }).Certificate;
        Assert.That(loaded?.HasPrivateKey, Is.True);
        Assert.That(KeyRingCertificate.Load(new KeyRingOptions()).Certificate, Is.Null, "none set: keys in clear");
        Assert.Multiple(() =>
        {
            foreach (var (options, why) in new (KeyRingOptions, string)[]
            {
                (new KeyRingOptions { Certificate = Path.Combine(_folder, "missing.pem") }, "missing"),
                (new KeyRingOptions { Certificate = pfx, CertificatePassword = "wrong" }, "wrong password"),
                (new KeyRingOptions { Certificate = ec }, "not RSA"),
                (new KeyRingOptions { Certificate = certificateOnly }, "no private key"),
            })
            {
                var refused = Assert.Throws<InvalidOperationException>(() => KeyRingCertificate.Load(options), why);
                Assert.That(refused?.Message, Does.StartWith("Remandzana:KeyRing:Certificate: "), why);
            }
        });
    }
}
