using Remandzana.Web.Captcha;
using Remandzana.Web.Links;
using Remandzana.Web.Options;

namespace Remandzana.Web.Hosting;

public static class CaptchaServices
{
    /// <summary>Challenges, their pictures and recordings, passes carried in every link, and the gate in front of chat pages.</summary>
    public static IServiceCollection AddCaptcha(this IServiceCollection services)
    {
        services.AddOptions<CaptchaOptions>().BindConfiguration(CaptchaOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Challenges>();
        services.AddSingleton<Passes>();
        services.AddSingleton<CaptchaPicture>();
        services.AddSingleton<CaptchaRecording>();
        services.AddSingleton<ChatAdmission>();
        services.AddSingleton<ChallengeCosts>();
        services.AddSingleton<ICarriedParameter, PassParameter>();
        return services;
    }

    /// <summary>Every request's ?pass= is read before any page runs (see <see cref="PassReading"/>).</summary>
    public static IApplicationBuilder UsePasses(this IApplicationBuilder app) => app.UseMiddleware<PassReading>();
}
