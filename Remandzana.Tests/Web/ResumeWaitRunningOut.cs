using System.Net;
using Remandzana.Domain.Lines;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Web;

/// <summary>When nobody comes back within Remandzana:Chat:ResumeSeconds (one second here), the conversation ends as it always did.</summary>
[Category("Web")]
public sealed class ResumeWaitRunningOut() : SharedAppFixture(new Dictionary<string, string?> { ["Remandzana:Chat:ResumeSeconds"] = "1" })
{
    [Test]
    public async Task AfterTheWaitThePartnerReadsTheUsualEndAndTheLinkNoLongerWorks()
    {
        var alice = await App.OpenChat("/two");
        await using var bob = await App.OpenChat("/two");
        await alice.WaitForLine(Notices.FoundStranger);
        await bob.WaitForLine(Notices.FoundStranger);
        var link = alice.ResumeLink();

        await alice.DisposeAsync();
        await bob.WaitForLine("Stranger's connection dropped — waiting up to 1 s.");
        await bob.WaitForLine(Notices.StrangerLeft);
        await bob.WaitForEnd();

        var (status, page) = await App.OpenSpent(link);
        Assert.That(status, Is.EqualTo(HttpStatusCode.Gone));
        Assert.That(page.QuerySelector("a.button[href='/two']")?.TextContent, Is.EqualTo("New conversation"));
    }

    [TestCase("-1")]
    [TestCase("601")]
    public void AWaitOutOfRangeStopsTheStartNamingTheSetting(string seconds)
    {
        var failure = Assert.Catch(() => _ = new RemandzanaApp(new Dictionary<string, string?> { ["Remandzana:Chat:ResumeSeconds"] = seconds }));
        var validation = failure as Microsoft.Extensions.Options.OptionsValidationException ?? failure?.InnerException as Microsoft.Extensions.Options.OptionsValidationException;
        Assert.That(validation?.Message, Does.Contain("Remandzana:Chat:ResumeSeconds"), failure?.ToString());
    }
}
