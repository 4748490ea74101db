using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Remandzana.Web.Abuse;
using Remandzana.Web.Feedback;
using Remandzana.Web.Options;

namespace Remandzana.Web.Hosting;

public static class FeedbackServices
{
    /// <summary>The rate-limiting policy on feedback submissions: a fixed window per client address (an IPv6 /64 counted as one, see <see cref="RequestOrigin.BlockOf"/>).</summary>
    public const string RateLimitPolicy = "feedback";

    /// <summary>The feedback folder and the limit on how often one address may write to it.</summary>
    public static IServiceCollection AddFeedback(this IServiceCollection services)
    {
        services.AddOptions<FeedbackOptions>().BindConfiguration(FeedbackOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<FeedbackStore>();
        services.AddHostedService<FeedbackRefresher>();
        services.AddRateLimiter(limiter =>
        {
            // An empty 429 is re-executed as the site's own "slow down" page (HomeController.Status).
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(RateLimitPolicy, context =>
            {
                var feedback = context.RequestServices.GetRequiredService<IOptions<FeedbackOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(
                    RequestOrigin.BlockOf(context)?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = feedback.RateLimitPermits,
                        Window = TimeSpan.FromSeconds(feedback.RateLimitWindowSeconds),
                        QueueLimit = 0,
                    });
            });
        });
        return services;
    }
}
