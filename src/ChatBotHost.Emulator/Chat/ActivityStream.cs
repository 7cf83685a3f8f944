using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Observation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatBotHost.Emulator.Chat;

/// <summary>
/// Server-Sent Events for the chat page: every activity entry (REST call, event, typing notice) as it happens; the page
/// refreshes the open dialog on each. A reconnecting browser resumes after Last-Event-ID.
/// </summary>
internal sealed class ActivityStream(ActivityFeed feed, CancellationToken emulatorStopping)
{
    private const int Backlog = 300;
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public async Task StreamAsync(HttpContext http)
    {
        // The stream never ends by itself, so it must end when the host or the emulator stops, or shutdown would wait on it.
        var hostStopping = http.RequestServices.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, hostStopping, emulatorStopping);
        var response = http.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        var last = long.TryParse(http.Request.Headers["Last-Event-ID"], NumberStyles.None, CultureInfo.InvariantCulture, out var resumed)
            ? resumed
            : 0;
        if (last > feed.LastSequence)
        {
            last = 0; // the browser outlived a host restart: this feed counts from 1 again
        }

        try
        {
            await response.WriteAsync(": connected\n\n", stop.Token);
            await response.Body.FlushAsync(stop.Token);
            while (!stop.IsCancellationRequested)
            {
                foreach (var entry in feed.After(last, Backlog))
                {
                    await response.WriteAsync(Frame(entry), Encoding.UTF8, stop.Token);
                    last = entry.Sequence;
                }

                await response.Body.FlushAsync(stop.Token);
                if (!await WaitOrHeartbeatAsync(last, stop.Token))
                {
                    await response.WriteAsync(": ping\n\n", stop.Token);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The browser left or the host is stopping: the stream simply ends.
        }
    }

    public static JsonObject ToJson(ActivityEntry entry) => new()
    {
        ["seq"] = entry.Sequence,
        ["kind"] = entry.Kind,
        ["title"] = entry.Title,
        ["time"] = entry.Timestamp.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture),
        ["botId"] = entry.BotId,
        ["chatId"] = entry.ChatId,
        ["status"] = entry.Status,
        ["error"] = entry.Error,
        ["seconds"] = entry.Seconds,
        ["body"] = entry.Body is { } body ? JsonObject.Create(body) : null,
        ["raw"] = entry.Raw,
    };

    private async Task<bool> WaitOrHeartbeatAsync(long last, CancellationToken cancellationToken)
    {
        try
        {
            await feed.WaitAfterAsync(last, cancellationToken).WaitAsync(Heartbeat, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private static string Frame(ActivityEntry entry) =>
        $"id: {entry.Sequence.ToString(CultureInfo.InvariantCulture)}\ndata: {ToJson(entry).ToJsonString()}\n\n";
}
