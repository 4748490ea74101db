using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Remandzana.Web.Abuse;
using Remandzana.Web.Captcha;
using Remandzana.Web.Grains;
using Remandzana.Web.Links;
using Remandzana.Web.Options;

namespace Remandzana.Web.Hosting;

public static class CaptchaServices
{
    /// <summary>The rate-limiting policy on a challenge's picture and recording: a sliding minute per client address (an IPv6 /64 counted as one).</summary>
    public const string MediaRateLimitPolicy = "captcha-media";

    /// <summary>Challenges, their pictures and recordings, passes carried in every link, and the gate in front of chat pages.</summary>
    public static IServiceCollection AddCaptcha(this IServiceCollection services)
    {
        services.AddOptions<CaptchaOptions>().BindConfiguration(CaptchaOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Challenges>();
        services.AddSingleton<Passes>();
        services.AddSingleton<CaptchaPicture>();
        services.AddSingleton<CaptchaRecording>();
        services.AddSingleton<ChallengeMedia>();
        services.AddSingleton<ChatAdmission>();
        services.AddSingleton<ChallengeCosts>();
        services.AddSingleton<ICarriedParameter, PassParameter>();
        services.AddRateLimiter(limiter => limiter.AddPolicy(MediaRateLimitPolicy, MediaPartition));
        return services;
    }

    /// <summary>Off where the per-address limits are (behind a proxy that shows every visitor as one address).</summary>
    private static RateLimitPartition<string> MediaPartition(HttpContext context)
    {
        var services = context.RequestServices;
        if (!services.GetRequiredService<IOptions<LimitsOptions>>().Value.PerAddressLimitsEnabled || RequestOrigin.BlockOf(context) is not { } block)
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        var perMinute = services.GetRequiredService<IOptions<CaptchaOptions>>().Value.MediaPerMinute;
        return RateLimitPartition.GetSlidingWindowLimiter(block.ToString(), _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            SegmentsPerWindow = 6,
            QueueLimit = 0,
        });
    }

    /// <summary>Every request's ?pass= is read before any page runs (see <see cref="PassReading"/>).</summary>
    public static IApplicationBuilder UsePasses(this IApplicationBuilder app) => app.UseMiddleware<PassReading>();
}
