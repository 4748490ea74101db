using Remandzana.Web.Chat;
using Remandzana.Web.Cluster;
using Remandzana.Web.Grains;
using Remandzana.Web.Options;
using Remandzana.Web.Sessions;

namespace Remandzana.Web.Hosting;

public static class TranscriptServices
{
    /// <summary>"Save conversation": its options, where to find a transcript across instances, and the inlined look of the file (the transcripts themselves are kept by the cluster's sessions).</summary>
    public static IServiceCollection AddTranscripts(this IServiceCollection services)
    {
        services.AddOptions<TranscriptOptions>().BindConfiguration(TranscriptOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TranscriptLookup>();
        services.AddSingleton<InlineStyle>();
        return services;
    }
}
