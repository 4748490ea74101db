using Microsoft.Extensions.Logging;

namespace Remandzana.Tests.Support;

/// <summary>One log line the app wrote, with its structured properties (e.g. "DebugKey").</summary>
public sealed record LogEntry(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Properties);
