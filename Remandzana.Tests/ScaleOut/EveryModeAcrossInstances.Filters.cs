using System.Net;
using Remandzana.Domain.Lines;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.ScaleOut;

public sealed partial class EveryModeAcrossInstances
{
    [Test]
    public async Task AFilterAddedOnOneInstanceActsInAConversationHeldOnTheOthers()
    {
        using var admin = new ConsoleSession(_site[0].NewClient(), ConsoleOperators.Admin);
        var (status, _, _) = await admin.Post("/operator/filters", "/operator/filters/add", new Dictionary<string, string>
        {
            ["mode"] = "Two", ["kind"] = "Word", ["text"] = "quuxfilter", ["action"] = "Replace", ["replacement"] = "[gone]",
        });
        Assert.That(status, Is.EqualTo(HttpStatusCode.Redirect));
        try
        {
            var (a, b) = await _site[1].OpenPair(_site[2]);
            _tabs.AddRange([a, b]);

            await a.Send("a QUUXFILTER here");

            await b.WaitForLine("Stranger: a [gone] here");
        }
        finally
        {
            var (_, page) = await admin.Get("/operator/filters");
            foreach (var id in page.QuerySelectorAll("form[action='/operator/filters/remove'] input[name=id]").Select(input => input.GetAttribute("value")!))
            {
                await admin.Post("/operator/filters", "/operator/filters/remove", new Dictionary<string, string> { ["id"] = id });
            }
        }
    }

    [Test]
    public async Task AKickByAReportOnOneInstanceRemovesTheReportedFromAConversationHeldOnTheOthers()
    {
        var trollAddress = IPAddress.Parse("127.0.0.4");
        var (reporter, troll) = await Pairing.OpenPair(_site[0].NewClient(), FromAddress.Client(trollAddress, _site[1].BaseAddress));
        await using (reporter)
        await using (troll)
        {
            await troll.Send("something nasty");
            await reporter.WaitForLine("Stranger: something nasty");
            await reporter.Report();
            await troll.WaitForEnd();
        }

        var file = Path.GetFileName(Directory.GetFiles(Path.Combine(_site[0].Folder, "reports"), "*.json").Single());
        var (again, partner) = await Pairing.OpenPair(FromAddress.Client(trollAddress, _site[1].BaseAddress), _site[2].NewClient());
        _tabs.AddRange([again, partner]);
        using var moderator = new ConsoleSession(_site[0].NewClient(), ConsoleOperators.Admin);

        var (status, done, _) = await moderator.Post($"/operator/kick?report={Uri.EscapeDataString(file)}", "/operator/kick", new Dictionary<string, string>
        {
            ["report"] = file, ["message"] = "Reported on another instance.",
        });

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(done.QuerySelector(".console-done")?.TextContent, Does.Contain("Removed 1"));
        await again.WaitForLine("The operator removed you from the conversation: Reported on another instance.");
        await again.WaitForEnd();
        await partner.WaitForLine(Notices.StrangerLeft);
    }
}
