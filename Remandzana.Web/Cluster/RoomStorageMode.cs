using Remandzana.Web.Grains;
using Remandzana.Web.Sessions;
namespace Remandzana.Web.Cluster;

/// <summary>Whether rooms store their membership (scaled out, so a room outlives its silo) or keep it in memory only (alone).</summary>
public sealed record RoomStorageMode(bool Stored);
