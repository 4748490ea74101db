namespace Remandzana.Web.Operator;

/// <summary>One instance on the overview: its name, whether it is the one serving the page, and its figures (null: it did not answer in time).</summary>
public sealed record InstanceRow(string Name, bool IsThisOne, InstanceFigures? Figures)
{
    public bool IsAnswering => Figures is not null;
}
