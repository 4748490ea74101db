using Remandzana.Domain.Moderation;

namespace Remandzana.Web.Operator;

/// <summary>/operator/filters: the site's filters, the add form (as typed), and why the last change was refused.</summary>
public sealed record FiltersPageModel(IReadOnlyList<FilterRule> Filters, FilterForm Form, string? Problem);
