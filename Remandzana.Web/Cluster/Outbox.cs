using Orleans.Runtime;
using Remandzana.Domain.Lines;
using Remandzana.Domain.People;

namespace Remandzana.Web.Cluster;

/// <summary>
/// What one grain turn tells people, batched per instance and per person in the order it was
/// said; sent at the end of the turn, one message per instance.
/// </summary>
public sealed class Outbox
{
    private readonly Dictionary<SiloAddress, Dictionary<string, PersonDelivery>> _byInstance = [];

    public bool IsEmpty => _byInstance.Count == 0;

    public PersonDelivery For(SiloAddress home, string personId)
    {
        if (!_byInstance.TryGetValue(home, out var people))
        {
            people = [];
            _byInstance[home] = people;
        }

        if (!people.TryGetValue(personId, out var delivery))
        {
            delivery = new PersonDelivery(personId);
            people[personId] = delivery;
        }

        return delivery;
    }

    /// <summary>A sink whose lines land in this outbox, for a person whose stream is at <paramref name="home"/>.</summary>
    public ILineSink SinkFor(SiloAddress home, string personId) => new Sink(this, home, personId);

    public List<(SiloAddress Home, PersonDelivery[] Deliveries)> Drain()
    {
        var batches = _byInstance.Select(pair => (pair.Key, pair.Value.Values.ToArray())).ToList();
        _byInstance.Clear();
        return batches;
    }

    private sealed class Sink(Outbox outbox, SiloAddress home, string personId) : ILineSink
    {
        public bool Post(Line line)
        {
            outbox.For(home, personId).Lines.Add(LineMessage.Of(line));
            return true;
        }

        public void Close() => outbox.For(home, personId).Ends = true;
    }
}
