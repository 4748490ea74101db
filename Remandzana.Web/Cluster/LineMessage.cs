using Orleans;
using Remandzana.Domain.Lines;

namespace Remandzana.Web.Cluster;

/// <summary>A domain <see cref="Line"/> on its way to the instance that holds the viewer's stream.</summary>
[GenerateSerializer, Immutable]
public sealed record LineMessage(
    [property: Id(0)] int Kind,
    [property: Id(1)] string Text,
    [property: Id(2)] string? Speaker = null,
    [property: Id(3)] int Colour = 0)
{
    private const int Chat = -1;

    public static LineMessage Of(Line line) => line switch
    {
        ChatLine chat => new LineMessage(Chat, chat.Text, chat.From.Name, (int)chat.From.Colour),
        SystemLine notice => new LineMessage((int)notice.Kind, notice.Text),
        _ => throw new ArgumentOutOfRangeException(nameof(line), line, "Unknown kind of line."),
    };

    public Line ToLine() => Kind == Chat
        ? new ChatLine(new Speaker(Speaker ?? "", (SpeakerColour)Colour), Text)
        : new SystemLine((NoticeKind)Kind, Text);
}
