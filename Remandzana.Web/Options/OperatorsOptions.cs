namespace Remandzana.Web.Options;

/// <summary>Remandzana:Operators — the console's operators by name. None configured: the console does not exist (every /operator URL is 404).</summary>
public sealed class OperatorsOptions
{
    public const string Section = "Remandzana:Operators";

    public Dictionary<string, OperatorSettings> ByName { get; } = new(StringComparer.Ordinal);
}
