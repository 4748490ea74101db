using Orleans.Runtime;
using Remandzana.Domain.Lines;
using Remandzana.Domain.People;

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

    /// <summary>A sink whose lines land in this outbox, for a person whose stream is at <paramref name="home"/>.</summary>
    public ILineSink SinkFor(SiloAddress home, string personId) => new Sink(this, home, personId);

    /// <summary>Hands every parcel on: to this instance's listeners directly, to the others without waiting.</summary>
    public void Send(Listeners here, InstanceClient instances)
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

    private sealed class Sink(Outbox outbox, SiloAddress home, string personId) : ILineSink
    {
        public bool Post(Line line)
        {
            outbox.For(home, personId).Lines.Add(line);
            return true;
        }

        public void Close() => outbox.For(home, personId).Ends = true;
    }
}
