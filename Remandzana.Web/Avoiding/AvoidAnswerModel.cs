using Remandzana.Domain.Lines;
using Remandzana.Web.Chat;

namespace Remandzana.Web.Avoiding;

/// <summary>What the send iframe shows after "Don't match me with them again": what happened, and where to start over.</summary>
/// <param name="StartOver">The "New conversation" links of the page the person came from (the home page when it is not known).</param>
public sealed record AvoidAnswerModel(Notice Message, bool Done, IReadOnlyList<(string Path, string Label)> StartOver)
{
    public static AvoidAnswerModel Refused(Notice message) => new(message, false, [("/", "New conversation")]);
}
