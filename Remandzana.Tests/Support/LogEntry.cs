using Microsoft.Extensions.Logging;

namespace Remandzana.Tests.Support;

/// <summary>One log line the app wrote, with its structured properties (e.g. "DebugKey") and the exception it carried.</summary>
public sealed record LogEntry(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Properties, Exception? Exception = null)
{
    /// <summary>The line as an assertion should show it: its category, its message and, if any, its exception.</summary>
    public override string ToString() => Exception is null ? $"{Category}: {Message}" : $"{Category}: {Message} {Exception}";
}
