using Orleans;
using Remandzana.Domain.Lines;
using Remandzana.Web.Grains;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Cluster;

/// <summary>A <see cref="Parcel"/> on its way to the instance that holds the person's stream.</summary>
[GenerateSerializer, Immutable]
public sealed record PersonDelivery(
    [property: Id(0)] string PersonId,
    [property: Id(1)] string? RoomId,
    [property: Id(2)] Line[] Lines,
    [property: Id(3)] bool Ends,
    [property: Id(4)] string? Question)
{
    public static PersonDelivery Of(Parcel parcel) =>
        new(parcel.PersonId, parcel.RoomId, [.. parcel.Lines], parcel.Ends, parcel.Question);

    public Parcel ToParcel()
    {
        var parcel = new Parcel(PersonId) { RoomId = RoomId, Ends = Ends, Question = Question };
        parcel.Lines.AddRange(Lines);
        return parcel;
    }
}
