namespace Remandzana.Domain.Metrics;

/// <summary>A point of a <see cref="Sparkline"/>, in its drawing's units (y grows downwards, as in SVG).</summary>
public readonly record struct SparklinePoint(double X, double Y);
