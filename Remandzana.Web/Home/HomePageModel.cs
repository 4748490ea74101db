using Remandzana.Domain.People;
using Remandzana.Web.Chat;

namespace Remandzana.Web.Home;

/// <summary>The home page: the interests as typed (kept when they are not valid) and how many people are on each mode's pages.</summary>
/// <param name="Online">People per entry (by its number), or null when the cluster cannot be asked.</param>
public sealed record HomePageModel(string TypedInterests, bool InterestsValid, int[]? Online)
{
    public int? OnlineIn(ChatEntry entry) => Online is null ? null : PeopleOnline.For(Online, entry);
}
