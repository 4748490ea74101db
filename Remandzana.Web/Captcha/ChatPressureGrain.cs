using Orleans;
using Remandzana.Domain.Captcha;

namespace Remandzana.Web.Captcha;

[KeepAlive]
public sealed class ChatPressureGrain(TimeProvider time) : Grain, IChatPressureGrain
{
    private readonly ChatsPerMinute _chats = new(time);

    public Task<int> Record() => Task.FromResult(_chats.Record());
}
