using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Options;
using Remandzana.Web.Operator;
using Remandzana.Web.Options;

namespace Remandzana.Web.Hosting;

public static class OperatorConsoleServices
{
    /// <summary>The console at /operator: its operators (validated at start), HTTP Basic authentication, the two policies, form tokens and the audit log.</summary>
    public static IServiceCollection AddOperatorConsole(this IServiceCollection services)
    {
        services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OperatorsOptions>()
            .Configure<IConfiguration>((operators, configuration) => configuration.GetSection(OperatorsOptions.Section).Bind(operators.ByName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<OperatorsOptions>, OperatorsValidation>();
        services.AddSingleton<OperatorPasswords>();
        services.AddSingleton<LoginFailures>();
        services.AddSingleton<OperatorFormTokens>();
        services.AddSingleton<FileOperatorAudit>();
        services.AddSingleton<IOperatorAudit>(provider => provider.GetRequiredService<FileOperatorAudit>());

        services.AddAuthentication(OperatorBasicDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, OperatorBasicHandler>(OperatorBasicDefaults.AuthenticationScheme, configureOptions: null);
        services.AddAuthorizationBuilder()
            .AddPolicy(OperatorPolicies.Moderator, policy => policy
                .AddAuthenticationSchemes(OperatorBasicDefaults.AuthenticationScheme)
                .RequireRole(OperatorRoles.Moderator, OperatorRoles.Admin))
            .AddPolicy(OperatorPolicies.Admin, policy => policy
                .AddAuthenticationSchemes(OperatorBasicDefaults.AuthenticationScheme)
                .RequireRole(OperatorRoles.Admin));

        // Console views live in Views/Operator/<Page>/ (the controller's name), apart from the site's.
        services.Configure<RazorViewEngineOptions>(razor => razor.ViewLocationFormats.Add("/Views/Operator/{1}/{0}" + RazorViewEngine.ViewExtension));
        return services;
    }

    /// <summary>
    /// After routing: a console endpoint (<see cref="OperatorConsoleAttribute"/>) is 404 while no
    /// operator is configured (like any unknown address: routing has judged the path, so every
    /// spelling of it ends here), else it is authenticated and authorized, and every answer it gives
    /// (a 401, 403 or 429 too) carries <see cref="ConsoleHeaders"/>. Every other request, the chat
    /// pages' streams and posts included, skips all of it.
    /// </summary>
    public static IApplicationBuilder UseOperatorConsole(this IApplicationBuilder app)
    {
        var passwords = app.ApplicationServices.GetRequiredService<OperatorPasswords>();
        return app.UseWhen(
            context => context.GetEndpoint()?.Metadata.GetMetadata<OperatorConsoleAttribute>() is not null,
            console => console
                .Use((context, next) =>
                {
                    if (!passwords.AnyConfigured)
                    {
                        context.Response.StatusCode = StatusCodes.Status404NotFound;
                        return Task.CompletedTask;
                    }

                    // Set last, over whatever a status page re-executed for a 401, 403 or 429 writes.
                    context.Response.OnStarting(() =>
                    {
                        ConsoleHeaders.Apply(context.Response);
                        return Task.CompletedTask;
                    });
                    return next(context);
                })
                .UseAuthentication()
                .UseAuthorization());
    }
}
