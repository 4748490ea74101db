using Orleans.Runtime;
using Remandzana.Domain.Turns;
using Remandzana.Web.Grains;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Cluster;

/// <summary>
/// What one grain turn tells people, in parcels per instance and per person in the order it was
/// said. At the end of the turn the parcels for this instance go straight into the mailboxes;
/// each other instance gets one message.
/// </summary>
public sealed class Outbox
{
    private readonly Dictionary<SiloAddress, Dictionary<string, Parcel>> _byInstance = [];

    public Parcel For(SiloAddress home, string personId)
    {
        if (!_byInstance.TryGetValue(home, out var people))
        {
            people = [];
            _byInstance[home] = people;
        }

        if (!people.TryGetValue(personId, out var parcel))
        {
            parcel = new Parcel(personId);
            people[personId] = parcel;
        }

        return parcel;
    }

    /// <summary>Adds what a turn said, each person's lines to the parcel for their instance (<paramref name="homeOf"/>, null for someone no longer here).</summary>
    public void Add(Effects effects, Func<string, SiloAddress?> homeOf)
    {
        foreach (var (to, line) in effects.Deliveries)
        {
            if (homeOf(to.Value) is { } home)
            {
                For(home, to.Value).Lines.Add(line);
            }
        }

        foreach (var released in effects.Released)
        {
            if (homeOf(released.Value) is { } home)
            {
                For(home, released.Value).Ends = true;
            }
        }
    }

    /// <summary>Hands every parcel on: to this instance's sessions directly, to the others without waiting.</summary>
    public void Send(LocalSessions here, InstanceClient instances)
    {
        foreach (var (home, parcels) in _byInstance)
        {
            if (home.Equals(here.Home))
            {
                foreach (var parcel in parcels.Values)
                {
                    here.Deliver(parcel);
                }
            }
            else
            {
                _ = instances.At(home).Deliver([.. parcels.Values.Select(PersonDelivery.Of)]);
            }
        }

        _byInstance.Clear();
    }
}
