using System.Collections.Immutable;
using Orleans;
using Remandzana.Domain.Lines;

namespace Remandzana.Web.Cluster.Wire;

/// <summary>A <see cref="Notice"/> across silos: its template (the translation key) and what fills it, each argument still marked as data or wording.</summary>
[GenerateSerializer, Immutable]
public readonly record struct NoticeSurrogate(
    [property: Id(0)] string Template,
    [property: Id(1)] ImmutableArray<NoticeArgument> Arguments);

[RegisterConverter]
public sealed class NoticeConverter : IConverter<Notice, NoticeSurrogate>
{
    public Notice ConvertFromSurrogate(in NoticeSurrogate surrogate) => new(surrogate.Template, surrogate.Arguments.IsDefault ? [] : surrogate.Arguments);

    public NoticeSurrogate ConvertToSurrogate(in Notice value) => new(value.Template, value.Arguments.IsDefault ? [] : value.Arguments);
}

[GenerateSerializer, Immutable]
public readonly record struct NoticeArgumentSurrogate(
    [property: Id(0)] string Text,
    [property: Id(1)] bool IsWording);

[RegisterConverter]
public sealed class NoticeArgumentConverter : IConverter<NoticeArgument, NoticeArgumentSurrogate>
{
    public NoticeArgument ConvertFromSurrogate(in NoticeArgumentSurrogate surrogate) => new(surrogate.Text, surrogate.IsWording);

    public NoticeArgumentSurrogate ConvertToSurrogate(in NoticeArgument value) => new(value.Text, value.IsWording);
}

/// <summary>A speaker as the viewer's instance names them: the name and its colour (which says whether the name is the site's words or a nickname).</summary>
[GenerateSerializer, Immutable]
public readonly record struct SpeakerSurrogate(
    [property: Id(0)] string Name,
    [property: Id(1)] SpeakerColour Colour);

[RegisterConverter]
public sealed class SpeakerConverter : IConverter<Speaker, SpeakerSurrogate>
{
    public Speaker ConvertFromSurrogate(in SpeakerSurrogate surrogate) => new(surrogate.Name, surrogate.Colour);

    public SpeakerSurrogate ConvertToSurrogate(in Speaker value) => new(value.Name, value.Colour);
}
