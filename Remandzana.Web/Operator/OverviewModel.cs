namespace Remandzana.Web.Operator;

/// <summary>The console's overview: the site and each instance, as of <see cref="At"/>.</summary>
public sealed record OverviewModel(DateTimeOffset At, SiteFigures Site, IReadOnlyList<InstanceRow> Instances)
{
    public int NotAnswering => Instances.Count(instance => !instance.IsAnswering);
}
