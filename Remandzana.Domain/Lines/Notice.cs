using System.Collections.Immutable;
using System.Globalization;

namespace Remandzana.Domain.Lines;

/// <summary>
/// The words of a system line as data: a template of <see cref="Notices"/> (its key in every
/// language the site speaks) and what fills its placeholders. Pages translate it for each viewer.
/// </summary>
public sealed record Notice(string Template, ImmutableArray<NoticeArgument> Arguments)
{
    public Notice(string template)
        : this(template, [])
    {
    }

    public static Notice Of(string template, params NoticeArgument[] arguments) => new(template, [.. arguments]);

    /// <summary>The notice in the site's own language (English), as the templates are written.</summary>
    public string English => Arguments.IsDefaultOrEmpty
        ? Template
        : string.Format(CultureInfo.InvariantCulture, Template, [.. Arguments.Select(argument => argument.Text)]);

    public static implicit operator Notice(string template) => new(template);

    public override string ToString() => English;

    /// <summary>Two notices are the same when they say the same.</summary>
    public bool Equals(Notice? other) => other is not null && English == other.English;

    public override int GetHashCode() => English.GetHashCode(StringComparison.Ordinal);
}
