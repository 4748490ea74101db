using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Mvc;
using Remandzana.Domain.Lines;
using Remandzana.Domain.People;

namespace Remandzana.Web.Chat;

/// <summary>
/// The endless part of a chat page: every line as it arrives, a heartbeat once per interval,
/// and the page's end when the mailbox closes; it stops when the browser goes away. Between
/// lines a stream keeps only its doorbell: no view, no writer buffer, no timer, no thread.
/// </summary>
public sealed class ChatStream(Heartbeats heartbeats, LineMarkup markup)
{
    /// <summary>
    /// Renders the page preamble (a Razor view) and lets go of everything the rendering used.
    /// Razor leases its buffers from a request-scoped pool and caches helpers (the URL helper,
    /// which holds the whole view context) in the request's items; both live as long as the
    /// request, which for a chat page is the whole conversation. Rendering in a scope of its own
    /// and dropping what it cached returns about 10 KiB per open stream.
    /// </summary>
    public static async Task WritePreamble(ActionContext context, IActionResult view)
    {
        var http = context.HttpContext;
        var requestServices = http.RequestServices;
        var itemsBefore = http.Items.Keys.ToHashSet();
        await using (var scope = requestServices.CreateAsyncScope())
        {
            http.RequestServices = scope.ServiceProvider;
            try
            {
                await view.ExecuteResultAsync(context);
            }
            finally
            {
                http.RequestServices = requestServices;
            }
        }

        foreach (var key in http.Items.Keys.Where(key => !itemsBefore.Contains(key)).ToList())
        {
            http.Items.Remove(key);
        }
    }

    /// <summary>Ends a page that stopped streaming for another reason than its conversation's end (a resume link took it over) with <paramref name="line"/>.</summary>
    public async Task EndWith(Line line, PipeWriter body)
    {
        markup.Write(line, body);
        body.Write(LineMarkup.End);
        await body.FlushAsync(CancellationToken.None);
    }

    /// <summary>Writes the stream into <paramref name="body"/> after the page preamble, until the conversation ends or <paramref name="aborted"/> fires.</summary>
    /// <returns>True when the conversation ended (the mailbox closed and every line was written).</returns>
    /// <param name="takenOver">Fires when a resume link took this stream over: it stops as when the browser goes away.</param>
    public async Task<bool> Write(Mailbox.StreamEnd mailbox, PipeWriter body, CancellationToken aborted, CancellationToken takenOver = default)
    {
        var doorbell = new Doorbell();
        using var registration = aborted.UnsafeRegister(static state => ((Doorbell)state!).Ring(Wake.Aborted), doorbell);
        using var takeover = takenOver.UnsafeRegister(static state => ((Doorbell)state!).Ring(Wake.Aborted), doorbell);
        Action watcher = doorbell.LinesArrived;
        mailbox.Watch(watcher);
        heartbeats.Subscribe(doorbell);
        try
        {
            // The first heartbeat turns the connection light green at once.
            var wake = Wake.Heartbeat;
            while (!aborted.IsCancellationRequested && !takenOver.IsCancellationRequested)
            {
                var wrote = false;
                while (mailbox.TryRead(out var line))
                {
                    markup.Write(line, body);
                    wrote = true;
                }

                wake |= doorbell.Take();
                if ((wake & Wake.Heartbeat) != 0)
                {
                    body.Write(LineMarkup.Heartbeat);
                    wrote = true;
                }

                // Read after the lines: a line posted meanwhile keeps the stream open and rings again.
                if (mailbox.IsEnded)
                {
                    body.Write(LineMarkup.End);
                    await body.FlushAsync(CancellationToken.None);
                    return true;
                }

                if (wrote && (await body.FlushAsync(CancellationToken.None)).IsCompleted)
                {
                    return false;
                }

                await doorbell.WaitAsync();
                wake = Wake.None;
            }
        }
        catch (OperationCanceledException)
        {
            // The connection went away during a write.
        }
        finally
        {
            heartbeats.Unsubscribe(doorbell);
            // Only its own: a page that took this stream over may be watching already.
            mailbox.Unwatch(watcher);
        }

        return false;
    }
}
