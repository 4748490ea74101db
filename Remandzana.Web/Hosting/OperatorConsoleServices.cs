using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
        services.TryAddEnumerable(ServiceDescriptor.Transient<IActionDescriptorProvider, ConsoleOnlyWithOperators>());

        // No default scheme, not even the one a single scheme becomes by itself: WebApplication adds
        // UseAuthentication() at the very start of every pipeline, and with a default scheme every
        // request (chat streams, /send) would be authenticated. The policies name the scheme, so
        // only the console's endpoints run it (ConsoleSignInOverHttp proves it).
        AppContext.SetSwitch("Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme", isEnabled: true);
        services.AddAuthentication()
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
    /// operator is configured (<see cref="ConsoleOnlyWithOperators"/> already leaves them out of
    /// routing; this is the second line), else it is authorized, the policy authenticating with
    /// <see cref="OperatorBasicDefaults.AuthenticationScheme"/>, and every answer it gives
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
                .UseAuthorization());
    }
}
