namespace Remandzana.Domain.Lines;

/// <summary>One thing to show in a person's log, already resolved for that viewer.</summary>
public abstract record Line;
