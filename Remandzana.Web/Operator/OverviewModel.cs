using Remandzana.Domain.People;

namespace Remandzana.Web.Operator;

/// <summary>The console's overview: the site and each instance, as of <see cref="At"/>.</summary>
public sealed record OverviewModel(DateTimeOffset At, SiteFigures Site, IReadOnlyList<InstanceRow> Instances)
{
    /// <summary>Each chat page's people, in the order the overview lists them, with the words it uses.</summary>
    public static readonly IReadOnlyList<(ChatEntry Entry, string Name)> Entries =
    [
        (ChatEntry.Two, "Two strangers"),
        (ChatEntry.Three, "Three strangers"),
        (ChatEntry.QuestionAsk, "Question mode, asking"),
        (ChatEntry.QuestionDiscuss, "Question mode, discussing"),
        (ChatEntry.Global, "Global chat"),
        (ChatEntry.Any, "Any mode"),
    ];

    public int NotAnswering => Instances.Count(instance => !instance.IsAnswering);
}
