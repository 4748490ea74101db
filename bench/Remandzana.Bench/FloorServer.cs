using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Remandzana.Bench;

/// <summary>
/// The floor: bare Kestrel with no MVC, no Razor and no domain, speaking just enough of the
/// chat protocol for the bench (GET /two holds a stream and pairs people, POST /send relays a
/// line to both, a heartbeat every 6 s from one shared timer). What the real server costs above
/// this is the price of its features.
/// </summary>
public static class FloorServer
{
    private static readonly byte[] Heartbeat = "<i class=\"hb\"></i>\n"u8.ToArray();
    private static readonly byte[] Found = "<div class=\"line system found\">You're now chatting with a random stranger. Say hi!</div>\n"u8.ToArray();
    private static readonly byte[] Left = "<div class=\"line system left\">Stranger has disconnected.</div>\n"u8.ToArray();
    private static readonly byte[] Tail = "<i class=\"hb ended\"></i>\n</div></main></body></html>"u8.ToArray();

    private static readonly ConcurrentDictionary<string, Session> Sessions = new();
    private static readonly object Matchmaking = new();
    private static Session? _waiting;

    public static async Task Run(BenchArgs args)
    {
        var port = args.Integer("port", 5391);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.ListenLocalhost(port);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxConcurrentConnections = null;
        });
        var app = builder.Build();
        app.Run(Handle);
        using var heartbeats = new CancellationTokenSource();
        var beating = Beat(heartbeats.Token);
        await app.RunAsync();
        await heartbeats.CancelAsync();
        await beating;
    }

    private static async Task Beat(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(6));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                foreach (var session in Sessions.Values)
                {
                    session.Lines.Writer.TryWrite(Heartbeat);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static Task Handle(HttpContext context) => (context.Request.Method, context.Request.Path.Value) switch
    {
        ("GET", "/two") => Stream(context),
        ("POST", "/send") => Send(context),
        _ => NotFound(context),
    };

    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    private static async Task Stream(HttpContext context)
    {
        var session = new Session(Guid.NewGuid().ToString("N"));
        Sessions[session.Token] = session;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var form = HtmlEncoder.Default.Encode(FormDocument(session.Token));
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(
            $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Floor</title></head><body class=\"chat\"><main><iframe class=\"send\" srcdoc=\"{form}\"></iframe><h2 id=\"log-title\">Conversation</h2><div class=\"log\" role=\"log\" aria-live=\"polite\" aria-labelledby=\"log-title\">\n"));
        await context.Response.Body.WriteAsync(Heartbeat);
        lock (Matchmaking)
        {
            if (_waiting is { } partner && partner != session)
            {
                _waiting = null;
                partner.Partner = session;
                session.Partner = partner;
                partner.Lines.Writer.TryWrite(Found);
                session.Lines.Writer.TryWrite(Found);
            }
            else
            {
                _waiting = session;
            }
        }

        var aborted = context.RequestAborted;
        try
        {
            while (await session.Lines.Reader.WaitToReadAsync(aborted))
            {
                while (session.Lines.Reader.TryRead(out var line))
                {
                    await context.Response.Body.WriteAsync(line, aborted);
                }
            }

            await context.Response.Body.WriteAsync(Tail, aborted);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            Sessions.TryRemove(session.Token, out _);
            lock (Matchmaking)
            {
                if (_waiting == session)
                {
                    _waiting = null;
                }

                if (session.Partner is { } partner)
                {
                    partner.Lines.Writer.TryWrite(Left);
                    partner.Lines.Writer.TryComplete();
                }
            }
        }
    }

    private static async Task Send(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var token = form["token"].ToString();
        var text = form["message"].ToString().Trim();
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        if (!Sessions.TryGetValue(token, out var sender))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        var encoded = HtmlEncoder.Default.Encode(text);
        sender.Lines.Writer.TryWrite(Encoding.UTF8.GetBytes($"<div class=\"line chat you\"><b class=\"who\">You:</b> <bdi class=\"text\">{encoded}</bdi></div>\n"));
        sender.Partner?.Lines.Writer.TryWrite(Encoding.UTF8.GetBytes($"<div class=\"line chat stranger\"><b class=\"who\">Stranger:</b> <bdi class=\"text\">{encoded}</bdi></div>\n"));
        await context.Response.WriteAsync(FormDocument(token));
    }

    private static string FormDocument(string token) =>
        $"<!DOCTYPE html><html lang=\"en\"><body class=\"send-form\"><form method=\"post\" action=\"/send\" class=\"compose\"><input type=\"hidden\" name=\"token\" value=\"{token}\"><input type=\"text\" name=\"message\" value=\"\"><button type=\"submit\">Send</button></form></body></html>";

    private sealed class Session(string token)
    {
        public string Token { get; } = token;

        public Channel<byte[]> Lines { get; } = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });

        public Session? Partner { get; set; }
    }
}
