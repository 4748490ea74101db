using Orleans;
using Orleans.Runtime;
using Remandzana.Domain.Site;
using Remandzana.Domain.Rooms;
using Remandzana.Web.Cluster;
using Remandzana.Web.Operator;
using Remandzana.Web.Options;

namespace Remandzana.Web.Grains;

public sealed class SiteSettingsGrain(
    [PersistentState("settings", ClusterServices.SiteStorage)] IPersistentState<SiteOverrides> state,
    TimeProvider time) : Grain, ISiteSettingsGrain
{
    public Task<SiteOverrides?> Since(long version) =>
        Task.FromResult(state.State.Version == version ? null : state.State);

    public Task<SiteOverrides> SetCaptcha(CaptchaMode? mode, int? pressureChatsPerMinute) => Change(kept =>
    {
        kept.CaptchaMode = mode;
        kept.PressureChatsPerMinute = pressureChatsPerMinute;
    });

    public Task<SiteOverrides> SetLockdown(Lockdown? position) => Change(kept => kept.Lockdown = position);

    public Task<SiteOverrides> SetNotice(string? text, Dictionary<string, string>? byLanguage) => Change(kept =>
    {
        kept.Notice = text;
        kept.NoticeByLanguage = byLanguage is { Count: > 0 } ? byLanguage : null;
    });

    public Task<SiteOverrides> SetPolicies(Mode mode, Dictionary<string, PolicyOverride>? policies) => Change(kept =>
    {
        var byMode = kept.Policies ?? [];
        if (policies is null)
        {
            byMode.Remove(mode.ToString());
        }
        else
        {
            byMode[mode.ToString()] = policies;
        }

        kept.Policies = byMode.Count > 0 ? byMode : null;
    });

    private async Task<SiteOverrides> Change(Action<SiteOverrides> change)
    {
        var kept = state.State;
        change(kept);
        // The clock's ticks, not a count: were the store lost, the next change still outnumbers what instances kept.
        kept.Version = Math.Max(kept.Version + 1, time.GetUtcNow().UtcTicks);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not kept, so not in force: the next activation reads what the store holds.
            DeactivateOnIdle();
            throw;
        }

        return kept;
    }
}
