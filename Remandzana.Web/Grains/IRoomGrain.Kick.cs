using Remandzana.Web.Cluster;

namespace Remandzana.Web.Grains;

/// <summary>The operator's kick, as a room carries it out.</summary>
public partial interface IRoomGrain
{
    /// <summary>The members <paramref name="personIds"/> read <paramref name="message"/>, then their conversation ends; the others read that they left.</summary>
    /// <returns>Those removed (anyone no longer here is left out).</returns>
    Task<KickedPerson[]> Remove(string[] personIds, string message);

    /// <summary>Global chat: the same for the members who go by <paramref name="nickname"/> (as shown, in any case).</summary>
    Task<KickedPerson[]> RemoveNicknamed(string nickname, string message);
}
