using System.Net;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.ScaleOut;

public sealed partial class EveryModeAcrossInstances
{
    private const string AdminPassword = "the admin of three instances";

    private static readonly Dictionary<string, string> AnAdmin = ConsoleSession.Operator("ada", AdminPassword, "Admin")
        .ToDictionary(setting => setting.Key.Replace(":", "__", StringComparison.Ordinal), setting => setting.Value!);

    [Test]
    public async Task AFilterAddedOnOneInstanceActsInAConversationHeldOnTheOthers()
    {
        using var admin = new ConsoleSession(_site[0].NewClient(), "ada", AdminPassword);
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
}
