using Orleans;

namespace Remandzana.Web.Operator;

/// <summary>One instance's numbers for the console's overview, as it answered them.</summary>
/// <param name="PeoplePerEntry">People with a chat page open here, per <see cref="Domain.People.ChatEntry"/> (by its number).</param>
/// <param name="RoomIds">The rooms someone here is in (the site counts each once).</param>
/// <param name="CaptchaMode">This instance's captcha mode.</param>
/// <param name="PeopleHour">The most people online in each minute of the last hour, oldest first.</param>
[GenerateSerializer, Immutable]
public sealed record InstanceFigures(
    [property: Id(0)] int[] PeoplePerEntry,
    [property: Id(1)] string[] RoomIds,
    [property: Id(2)] long MessagesLastMinute,
    [property: Id(3)] long MessagesToday,
    [property: Id(4)] long TooManyLastMinute,
    [property: Id(5)] long UnavailableLastMinute,
    [property: Id(6)] string CaptchaMode,
    [property: Id(7)] long[] PeopleHour,
    [property: Id(8)] long[] MessagesHour,
    [property: Id(9)] long[] TooManyHour,
    [property: Id(10)] long[] UnavailableHour)
{
    public int PeopleOnline => PeoplePerEntry.Sum();
}
