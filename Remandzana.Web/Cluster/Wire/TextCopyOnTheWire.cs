using Orleans;
using Remandzana.Domain.Moderation;

namespace Remandzana.Web.Cluster.Wire;

/// <summary>A <see cref="TextCopy"/> as it crosses to the other instances: its three 64-bit names.</summary>
[GenerateSerializer, Immutable]
public readonly record struct TextCopySurrogate(
    [property: Id(0)] ulong Text,
    [property: Id(1)] ulong Origin,
    [property: Id(2)] ulong Room);

[RegisterConverter]
public sealed class TextCopyConverter : IConverter<TextCopy, TextCopySurrogate>
{
    public TextCopy ConvertFromSurrogate(in TextCopySurrogate surrogate) => new(surrogate.Text, surrogate.Origin, surrogate.Room);

    public TextCopySurrogate ConvertToSurrogate(in TextCopy value) => new(value.Text, value.Origin, value.Room);
}
