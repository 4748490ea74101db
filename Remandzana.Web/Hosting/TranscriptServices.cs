using Remandzana.Web.Chat;
using Remandzana.Web.Cluster;
using Remandzana.Web.Options;

namespace Remandzana.Web.Hosting;

public static class TranscriptServices
{
    /// <summary>"Save conversation": the transcripts kept in memory, where to find one across instances, and the inlined look of the file.</summary>
    public static IServiceCollection AddTranscripts(this IServiceCollection services)
    {
        services.AddOptions<TranscriptOptions>().BindConfiguration(TranscriptOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Transcripts>();
        services.AddSingleton<TranscriptLookup>();
        services.AddSingleton<InlineStyle>();
        return services;
    }
}
