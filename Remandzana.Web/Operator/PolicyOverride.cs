using Orleans;
using Remandzana.Domain.Moderation;

namespace Remandzana.Web.Operator;

/// <summary>An operator's choice for one policy in one mode, in place of its appsettings.json ladder.</summary>
[GenerateSerializer]
public sealed class PolicyOverride
{
    [Id(0)]
    public bool Enabled { get; set; }

    [Id(1)]
    public int Suppress { get; set; }

    [Id(2)]
    public Consequence Then { get; set; }
}
