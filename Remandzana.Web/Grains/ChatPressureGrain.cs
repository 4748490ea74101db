using Orleans;
using Remandzana.Domain.Captcha;
using Remandzana.Domain.Matching;
using Remandzana.Domain.Messages;
using Remandzana.Web.Captcha;
using Remandzana.Web.Cluster;
using Remandzana.Web.Security;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Grains;

[KeepAlive]
public sealed class ChatPressureGrain(TimeProvider time) : Grain, IChatPressureGrain
{
    private readonly ChatsPerMinute _chats = new(time);

    public Task<int> Record() => Task.FromResult(_chats.Record());

    public Task<int> Pressure() => Task.FromResult(_chats.Count());
}
