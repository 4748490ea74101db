using Remandzana.Domain.Lines;
using Remandzana.Tests.Support;

namespace Remandzana.Tests.Browser;

[Category("Browser")]
public sealed class QuestionModeInChromium : BrowserFixture
{
    private const string Question = "Is tea better than coffee?";

    [Test]
    public async Task AnAskerSetsAQuestionAndWatchesTwoDiscussersTalkAboutIt()
    {
        var asker = await Chromium.Open(App.BaseAddress, "/question/ask");
        await asker.WaitForLine(Notices.AskForQuestion);
        await asker.Say(Question);
        await asker.WaitForLine(Notices.YourQuestion(Question).English);
        Assert.That(await asker.MessageField().IsDisabledAsync(), Is.True, "after the question the asker only watches");

        var first = await Chromium.Open(App.BaseAddress, "/question/discuss");
        var second = await Chromium.Open(App.BaseAddress, "/question/discuss");
        await first.WaitForLine(Notices.QuestionIs(Question).English);
        await second.WaitForLine(Notices.QuestionIs(Question).English);
        await asker.WaitForLine(Notices.FoundDiscussers);

        await first.Say("Tea, obviously.");
        await second.WaitForLine("Stranger: Tea, obviously.");
        await first.WaitForLine("You: Tea, obviously.");
        await second.Say("Coffee, every morning.");
        await first.WaitForLine("Stranger: Coffee, every morning.");

        await asker.WaitForLine(": Tea, obviously.");
        await asker.WaitForLine(": Coffee, every morning.");
        var heard = await asker.Locator(".log div.line.chat .who").AllTextContentsAsync();
        Assert.That(heard, Is.EquivalentTo(new[] { "Alice:", "Bob:" }), "the asker sees the two discussers as Alice and Bob");

        await first.AssertLayout();
        await asker.AssertLayout();
        await asker.Screenshot("asker");
        await first.Screenshot("discusser");

        await asker.Context.CloseAsync();
        await first.WaitForLine(Notices.AskerLeft);
        await first.Context.CloseAsync();
        await second.Context.CloseAsync();
    }
}
