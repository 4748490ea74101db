using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;

namespace Remandzana.Web.Redis;

/// <summary>
/// The Data Protection key ring in Redis, so a send form issued by one instance opens on every
/// other. Each instance remembers the keys it has seen; when Redis comes back empty (restarted
/// without persistence) they are written back, so instances started after the restart still
/// read the forms of those started before it.
/// </summary>
public sealed class SharedKeyRing(RedisConnection redis) : IXmlRepository
{
    private readonly RedisXmlRepository _redis = new(() => redis.Database, redis.Key("data-protection-keys"));
    private readonly Dictionary<string, XElement> _seen = [];
    private readonly object _gate = new();

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        var elements = _redis.GetAllElements();
        lock (_gate)
        {
            foreach (var element in elements)
            {
                _seen[IdOf(element)] = element;
            }
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        _redis.StoreElement(element, friendlyName);
        lock (_gate)
        {
            _seen[IdOf(element)] = element;
        }
    }

    /// <summary>Writes back every key this instance has seen that Redis no longer has; returns how many.</summary>
    public int Restore()
    {
        var present = _redis.GetAllElements().Select(IdOf).ToHashSet();
        List<XElement> missing;
        lock (_gate)
        {
            missing = _seen.Where(pair => !present.Contains(pair.Key)).Select(pair => pair.Value).ToList();
        }

        foreach (var element in missing)
        {
            _redis.StoreElement(element, IdOf(element));
        }

        return missing.Count;
    }

    private static string IdOf(XElement element) => (string?)element.Attribute("id") ?? element.ToString(SaveOptions.DisableFormatting);
}
