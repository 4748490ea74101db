using Orleans;
using Remandzana.Domain.Lines;

namespace Remandzana.Web.Cluster.Wire;

/// <summary>
/// How the domain's lines cross silos: as the domain's own values, so the viewer's instance renders
/// and translates each one (<see cref="Localisation.NoticeWords"/>) exactly as if it had been made there.
/// A <see cref="Line"/> is either a <see cref="ChatLine"/> or a <see cref="SystemLine"/>, each with its converter below.
/// </summary>
[GenerateSerializer, Immutable]
public readonly record struct ChatLineSurrogate(
    [property: Id(0)] Speaker From,
    [property: Id(1)] string Text);

[RegisterConverter]
public sealed class ChatLineConverter : IConverter<ChatLine, ChatLineSurrogate>
{
    public ChatLine ConvertFromSurrogate(in ChatLineSurrogate surrogate) => new(surrogate.From, surrogate.Text);

    public ChatLineSurrogate ConvertToSurrogate(in ChatLine value) => new(value.From, value.Text);
}

/// <summary>A notice as its kind and its <see cref="Notice"/> (template and arguments), never its English.</summary>
[GenerateSerializer, Immutable]
public readonly record struct SystemLineSurrogate(
    [property: Id(0)] NoticeKind Kind,
    [property: Id(1)] Notice Notice);

[RegisterConverter]
public sealed class SystemLineConverter : IConverter<SystemLine, SystemLineSurrogate>
{
    public SystemLine ConvertFromSurrogate(in SystemLineSurrogate surrogate) => new(surrogate.Kind, surrogate.Notice);

    public SystemLineSurrogate ConvertToSurrogate(in SystemLine value) => new(value.Kind, value.Notice);
}
