namespace Remandzana.Tests.Support;

/// <summary>
/// Self-signed certificates made with openssl once per test run, in a folder of the run's own:
/// <see cref="Cluster"/> is the one every scaled-out instance is given (Remandzana:Backplane:Certificate),
/// so the scale-out suites run over TLS; <see cref="Stranger"/> is made the same way by someone else.
/// </summary>
public static class TestCertificates
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("remandzana-certificates-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        };
        return folder;
    });

    private static readonly Lazy<Task<string>> ClusterFile = new(() => Make("cluster"));

    private static readonly Lazy<Task<string>> StrangerFile = new(() => Make("stranger"));

    /// <summary>The path of the run's cluster certificate: one PEM file with its private key, as the README makes it.</summary>
    public static Task<string> Cluster() => ClusterFile.Value;

    /// <summary>Another self-signed certificate with the same subject, which the cluster must refuse.</summary>
    public static Task<string> Stranger() => StrangerFile.Value;

    private static async Task<string> Make(string name)
    {
        var openssl = SystemRequirement.Program("openssl", "openssl");
        var path = Path.Combine(Folder.Value, $"{name}.pem");
        var made = await Command.Run(
            openssl,
            ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=remandzana-cluster", "-keyout", path, "-out", path],
            TimeSpan.FromSeconds(60));
        Assert.That(made.Succeeded, Is.True, made.Output);
        return path;
    }
}
