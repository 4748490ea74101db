using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Remandzana.Web.Cluster;
using Remandzana.Web.Grains;
using Remandzana.Web.Sessions;

namespace Remandzana.Tests.Operations;

/// <summary>Remandzana:Backplane:Certificate as operators give it: PEM or PKCS#12, and what stops the start.</summary>
[Category("Web")]
public sealed class ClusterCertificateFiles
{
    private string _folder = null!;

    [SetUp]
    public void MakeFolder() => _folder = Directory.CreateTempSubdirectory("remandzana-cluster-certificate-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void APemFileAndAPasswordProtectedPkcs12FileOfOneCertificateAreTheSameCluster()
    {
        using var made = SelfSigned();
        var pem = Write("cluster.pem", made.ExportCertificatePem() + "\n" + made.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
        var pfx = Write("cluster.pfx", made.Export(X509ContentType.Pkcs12, "s3cret"));

        var fromPem = ClusterCertificate.Load(pem, "");
        var fromPfx = ClusterCertificate.Load(pfx, "s3cret");

        Assert.That(fromPem.Certificate.HasPrivateKey && fromPfx.Certificate.HasPrivateKey, Is.True);
        Assert.That(fromPem.IsPresentedBy(fromPfx.Certificate), Is.True);
        Assert.That(fromPem.Fingerprint, Is.EqualTo(Convert.ToHexString(SHA256.HashData(made.RawData))));
    }

    [Test]
    public void AnotherCertificateWithTheSameSubjectAndKeyIsNotTheCluster()
    {
        using var key = RSA.Create(2048);
        using var made = SelfSigned(key);
        using var twin = SelfSigned(key);
        var cluster = ClusterCertificate.Load(Write("cluster.pfx", made.Export(X509ContentType.Pkcs12)), "");

        Assert.That(cluster.IsPresentedBy(twin), Is.False, "the same key and subject, another certificate");
        Assert.That(cluster.IsPresentedBy(null), Is.False);
    }

    [Test]
    public void WhatCannotServeTheClusterStopsTheStartNamingTheSetting()
    {
        using var made = SelfSigned();
        using var serverOnly = SelfSigned(usages: [new Oid("1.3.6.1.5.5.7.3.1")]);
        var cases = new Dictionary<string, (string Path, string Password, string Says)>
        {
            ["missing"] = (Path.Combine(_folder, "nowhere.pem"), "", "could not be read"),
            ["no key"] = (Write("bare.pem", made.ExportCertificatePem()), "", "could not be read"),
            ["wrong password"] = (Write("locked.pfx", made.Export(X509ContentType.Pkcs12, "right")), "wrong", "could not be read"),
            ["server use only"] = (Write("server.pfx", serverOnly.Export(X509ContentType.Pkcs12)), "", "clientAuth"),
        };

        Assert.Multiple(() =>
        {
            foreach (var (name, (path, password, says)) in cases)
            {
                var refusal = Assert.Throws<OptionsValidationException>(() => ClusterCertificate.Load(path, password), name);
                Assert.That(refusal!.Message, Does.Contain("Remandzana:Backplane:Certificate").And.Contain(says), name);
            }
        });
    }

    private static X509Certificate2 SelfSigned(RSA? key = null, IEnumerable<Oid>? usages = null)
    {
        using var owned = key is null ? RSA.Create(2048) : null;
        var request = new CertificateRequest("CN=remandzana-cluster", key ?? owned!, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        if (usages is not null)
        {
            var list = new OidCollection();
            foreach (var usage in usages)
            {
                list.Add(usage);
            }

            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(list, critical: false));
        }

        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
