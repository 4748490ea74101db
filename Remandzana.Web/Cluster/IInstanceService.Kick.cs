namespace Remandzana.Web.Cluster;

/// <summary>The operator's kick of the people a report names, as each instance finds them among its streams.</summary>
public partial interface IInstanceService
{
    /// <summary>Removes from their rooms the people here whose origin hashes (<see cref="Reports.OriginHashes"/>) are among <paramref name="originHashes"/>.</summary>
    Task<KickedPerson[]> RemoveOrigins(string[] originHashes, string message);
}
