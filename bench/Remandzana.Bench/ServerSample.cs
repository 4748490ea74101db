namespace Remandzana.Bench;

/// <summary>The server's CPU seconds (user + system) and resident memory at one moment.</summary>
public sealed record ServerSample(double CpuSeconds, double RssKib, DateTimeOffset At);
