using NLog.Web;
using System.Diagnostics;
using Remandzana.Web.Grains;
using Remandzana.Web.Health;
using Remandzana.Web.Options;
using Remandzana.Web.Security;

namespace Remandzana.Web.Hosting;

public static partial class RequestLogging
{
    public const string Category = "Remandzana.Web.Requests";

    /// <summary>Remandzana:Logging, and what the request log needs to apply it.</summary>
    public static IServiceCollection AddRequestLogging(this IServiceCollection services)
    {
        services.AddOptions<LoggingOptions>().BindConfiguration(LoggingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DailyAddressHash>();
        services.AddSingleton<ClientInLogs>();
        services.AddSingleton<WarmUpMark>();
        return services;
    }

    /// <summary>
    /// NLog without log scopes (no layout prints one), and ASP.NET Core's own request log off (it logs only at
    /// Information and Debug, which the NLog rules drop; this log replaces it): while it is on, hosting starts an
    /// <see cref="Activity"/> and a log scope for every request, and a chat stream keeps both, and every
    /// scope MVC opens, for its whole life.
    /// </summary>
    public static ILoggingBuilder AddSiteLogging(this ILoggingBuilder logging, IHostBuilder host)
    {
        logging.ClearProviders();
        host.UseNLog(new NLogAspNetCoreOptions { IncludeScopes = false });
        logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        return logging;
    }

    /// <summary>
    /// One line when a request starts and one when it ends. Chat streams last minutes, so the start
    /// line is what shows what is open now. Who made it is said only as Remandzana:Logging:ClientAddresses
    /// allows (by default: not at all), worked out once so both lines agree. Routine requests (health
    /// probes, message posts, the stylesheet, the warm-up's own chats) log at Debug: at Information
    /// they would cost more than the messages themselves.
    /// </summary>
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        var clients = app.ApplicationServices.GetRequiredService<ClientInLogs>();
        var warmUp = app.ApplicationServices.GetRequiredService<WarmUpMark>();
        return app.Use(async (context, next) =>
        {
            var request = context.Request;
            var level = IsRoutine(request) || warmUp.IsOn(request) ? LogLevel.Debug : LogLevel.Information;
            if (!logger.IsEnabled(level))
            {
                await next(context);
                return;
            }

            var client = clients.Of(context);
            var started = Stopwatch.GetTimestamp();
            if (client is null)
            {
                LogStarted(logger, level, request.Method, request.Scheme, request.Host, request.Path);
            }
            else
            {
                LogStartedFrom(logger, level, request.Method, request.Scheme, request.Host, request.Path, client);
            }

            try
            {
                await next(context);
            }
            finally
            {
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var aborted = context.RequestAborted.IsCancellationRequested ? " (client gone)" : "";
                if (client is null)
                {
                    LogEnded(logger, level, request.Method, request.Scheme, request.Host, request.Path, context.Response.StatusCode, aborted, elapsed);
                }
                else
                {
                    LogEndedFrom(logger, level, request.Method, request.Scheme, request.Host, request.Path, client, context.Response.StatusCode, aborted, elapsed);
                }
            }
        });
    }

    [LoggerMessage(Message = "{Method} {Scheme}://{Host}{Path} started")]
    private static partial void LogStarted(ILogger logger, LogLevel level, string method, string scheme, HostString host, PathString path);

    [LoggerMessage(Message = "{Method} {Scheme}://{Host}{Path} ended: {Status}{Aborted} after {Milliseconds:F0} ms")]
    private static partial void LogEnded(ILogger logger, LogLevel level, string method, string scheme, HostString host, PathString path, int status, string aborted, double milliseconds);

    [LoggerMessage(Message = "{Method} {Scheme}://{Host}{Path} from {Client} started")]
    private static partial void LogStartedFrom(ILogger logger, LogLevel level, string method, string scheme, HostString host, PathString path, string client);

    [LoggerMessage(Message = "{Method} {Scheme}://{Host}{Path} from {Client} ended: {Status}{Aborted} after {Milliseconds:F0} ms")]
    private static partial void LogEndedFrom(ILogger logger, LogLevel level, string method, string scheme, HostString host, PathString path, string client, int status, string aborted, double milliseconds);

    private static bool IsRoutine(HttpRequest request) =>
        request.Path.StartsWithSegments(HealthServices.Path)
        || request.Path.StartsWithSegments("/send")
        || request.Path.StartsWithSegments("/css");
}
