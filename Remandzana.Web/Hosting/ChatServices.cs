using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using Remandzana.Domain.Moderation;
using Remandzana.Domain.Switchboards;
using Remandzana.Web.Chat;
using Remandzana.Web.Options;
using Remandzana.Web.Security;
using Remandzana.Web.Switchboards;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Remandzana.Web.Hosting;

public static class ChatServices
{
    /// <summary>The switchboard, the send-form tokens and their key ring, with validated options.</summary>
    public static IServiceCollection AddChat(this IServiceCollection services)
    {
        services.AddOptions<ChatOptions>().BindConfiguration(ChatOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<KeyRingOptions>().BindConfiguration(KeyRingOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(provider =>
        {
            var chat = provider.GetRequiredService<IOptions<ChatOptions>>().Value;
            return new Switchboard(
                new SwitchboardSettings(chat.MailboxCapacity, chat.MaxMessageLength),
                provider.GetRequiredService<TimeProvider>(),
                new Random(),
                provider.GetService<PoliciesByMode>());
        });
        // The in-memory switchboard unless the backplane registered the shared one (AddBackplane, called first).
        services.TryAddSingleton<IChatSwitchboard>(provider => new InMemorySwitchboard(provider.GetRequiredService<Switchboard>()));
        services.AddSingleton<SendTokens>();
        services.AddSingleton<Heartbeats>();
        services.AddSingleton<LineMarkup>();
        services.AddSingleton<ChatStream>();

        services.AddDataProtection().SetApplicationName("Remandzana");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<KeyRingOptions>, IOptions<BackplaneOptions>, ILoggerFactory>((keys, keyRing, backplane, logging) =>
            {
                if (!backplane.Value.Enabled)
                {
                    keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Path.GetFullPath(keyRing.Value.Directory)), logging);
                }
            });
        return services;
    }
}
