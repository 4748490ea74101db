using Remandzana.Domain.Lines;

namespace Remandzana.Web.Debug;

/// <summary>The form that takes a debug key, with what was wrong with the last one, if any.</summary>
public sealed record DebugKeyFormModel(Notice? Error = null);
