using System.Text.Json.Serialization;
using Orleans;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.Rooms;

namespace Remandzana.Web.Operator;

/// <summary>One filter as the site keeps it (<see cref="Grains.IChatFiltersGrain"/>): the rule as the operator typed it, by name so the file reads plainly.</summary>
[GenerateSerializer]
public sealed class StoredFilter
{
    [Id(0)] public string Id { get; set; } = "";

    [Id(1), JsonConverter(typeof(JsonStringEnumConverter<Mode>))] public Mode Mode { get; set; }

    [Id(2), JsonConverter(typeof(JsonStringEnumConverter<FilterKind>))] public FilterKind Kind { get; set; }

    [Id(3)] public string Text { get; set; } = "";

    [Id(4), JsonConverter(typeof(JsonStringEnumConverter<FilterAction>))] public FilterAction Action { get; set; }

    [Id(5)] public string Replacement { get; set; } = "";

    public FilterRule ToRule() => new(Id, Mode, Kind, Text, Action, Replacement);

    public static StoredFilter Of(FilterRule rule) => new()
    {
        Id = rule.Id,
        Mode = rule.Mode,
        Kind = rule.Kind,
        Text = rule.Text,
        Action = rule.Action,
        Replacement = rule.Replacement,
    };
}
