using Microsoft.Extensions.Options;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Operations;

[Category("Web")]
public sealed class ProxySettings
{
    [Test]
    public void AKnownProxyThatIsNotAnIpAddressStopsTheStartNamingIt()
    {
        var failure = Assert.Catch(() => _ = new RemandzanaApp(new Dictionary<string, string?> { ["Remandzana:Proxy:KnownProxies:0"] = "nginx.internal" }));

        var validation = failure as OptionsValidationException ?? failure?.InnerException as OptionsValidationException;
        Assert.That(validation, Is.Not.Null, failure?.ToString());
        Assert.That(validation!.Message, Does.Contain("'nginx.internal' is not an IP address").And.Contain("KnownProxies"));
    }
}
