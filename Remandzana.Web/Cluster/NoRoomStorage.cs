using Orleans.Runtime;
using Orleans.Storage;
using Remandzana.Web.Grains;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Cluster;

/// <summary>
/// Alone, a room has nothing to outlive: its silo is the whole site. The rooms' storage is then
/// this, which keeps nothing, so forming and ending a room costs no storage call.
/// </summary>
public sealed class NoRoomStorage : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;
}
