using System.Diagnostics;

namespace Remandzana.Web.Hosting;

public static partial class RequestLogging
{
    public const string Category = "Remandzana.Web.Requests";

    /// <summary>
    /// One line when a request starts and one when it ends, with the client's address as the
    /// forwarded headers made it. Chat streams last minutes, so the start line is what shows
    /// who is connected now. Routine requests (health probes, message posts, the stylesheet)
    /// log at Debug: at Information they would cost more than the messages themselves.
    /// </summary>
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        return app.Use(async (context, next) =>
        {
            var request = context.Request;
            var level = IsRoutine(request) ? LogLevel.Debug : LogLevel.Information;
            if (!logger.IsEnabled(level))
            {
                await next(context);
                return;
            }

            var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            var started = Stopwatch.GetTimestamp();
            LogStarted(logger, level, request.Method, request.Scheme, request.Host, request.Path, client);
            try
            {
                await next(context);
            }
            finally
            {
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                LogEnded(
                    logger,
                    level,
                    request.Method,
                    request.Scheme,
                    request.Host,
                    request.Path,
                    client,
                    context.Response.StatusCode,
                    context.RequestAborted.IsCancellationRequested ? " (client gone)" : "",
                    elapsed);
            }
        });
    }

    [LoggerMessage(Message = "{Method} {Scheme}://{Host}{Path} from {Client} started")]
    private static partial void LogStarted(ILogger logger, LogLevel level, string method, string scheme, HostString host, PathString path, string client);

    [LoggerMessage(Message = "{Method} {Scheme}://{Host}{Path} from {Client} ended: {Status}{Aborted} after {Milliseconds:F0} ms")]
    private static partial void LogEnded(ILogger logger, LogLevel level, string method, string scheme, HostString host, PathString path, string client, int status, string aborted, double milliseconds);

    private static bool IsRoutine(HttpRequest request) =>
        request.Path.StartsWithSegments(HealthServices.Path)
        || request.Path.StartsWithSegments("/send")
        || request.Path.StartsWithSegments("/css");
}
