namespace Remandzana.Domain.Moderation;

/// <summary>How a filter's text is read.</summary>
public enum FilterKind
{
    /// <summary>Literal text, found wherever it appears in a message as a reader sees it (<see cref="FilterView"/>).</summary>
    Word,

    /// <summary>A .NET regular expression, run in linear time (<see cref="System.Text.RegularExpressions.RegexOptions.NonBacktracking"/>).</summary>
    Pattern,
}
