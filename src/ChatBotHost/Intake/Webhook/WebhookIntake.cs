using System.Security.Cryptography;
using System.Text;
using ChatBotHost.Bitrix.Events;
using ChatBotHost.Configuration;
using ChatBotHost.Hosting;
using ChatBotHost.Inbox;
using ChatBotHost.Operations.Metrics;
using ChatBotHost.Registration;
using ChatBotHost.State;
using Microsoft.AspNetCore.Http.Features;

namespace ChatBotHost.Intake.Webhook;

/// <summary>
/// Takes one webhook delivery: authenticates it (the secret in the URL, then the application_token the bot's
/// subscriptions carry), reads what routing needs (type, bot, dialog, auth) and stores the body in the dialog's inbox
/// before answering 200. Bitrix24 never retries a delivery, so nothing is acknowledged that is not stored: a store that
/// fails gets 503 (and the event is lost). Bad requests get a 4xx with the reason and never reach a handler.
/// </summary>
/// <remarks>
/// The event itself is decoded by the worker that handles it. Decoding it here too would double the intake's cost
/// (it was most of it), and an event whose routing fields are sound but whose other fields are not is better kept:
/// the worker puts it in the dead letters with the reason, where it can be replayed once the decoder is fixed.
/// </remarks>
internal sealed partial class WebhookIntake(
    BotDirectory bots,
    InboxWriter inbox,
    BotReconciler reconciler,
    OAuth.ApplicationEventAuth applicationAuth,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    HostMetrics metrics,
    ILogger<WebhookIntake> logger)
{
    /// <summary>A message is at most 20,000 characters and an attach 60,000; percent-encoded that stays far below this.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    public async Task<IResult> AcceptAsync(HttpContext http, string? portal, string botCode, string secret)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return Results.Problem("The host is shutting down.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var bot = portal is null ? bots.FindByCode(botCode) : bots.Find(portal, botCode);
        if (bot is null || bot.Settings.EventMode != EventMode.Webhook || !bot.Settings.Enabled)
        {
            return Results.Problem($"No webhook-mode bot '{botCode}' is served here.", statusCode: StatusCodes.Status404NotFound);
        }

        if (bot.Registration is not { } registration)
        {
            http.Response.Headers.RetryAfter = "5";
            return Results.Problem("The bot is not registered yet.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        if (!SecretsEqual(secret, registration.WebhookSecret))
        {
            LogRejected(logger, bot.Code, "wrong secret in the URL");
            return Results.Problem("Unknown webhook address.", statusCode: StatusCodes.Status403Forbidden);
        }

        var (body, tooLarge) = await ReadBodyAsync(http);
        if (tooLarge)
        {
            return Results.Problem($"The body exceeds {MaxBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        WebhookRouting routing;
        try
        {
            routing = WebhookRouting.Read(body, http.Request.ContentType);
        }
        catch (EventDecodingException ex)
        {
            LogRejected(logger, bot.Code, ex.Message);
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest);
        }

        if (routing.BotId != registration.BotId)
        {
            LogRejected(logger, bot.Code, $"event is addressed to bot id {routing.BotId}");
            return Results.Problem($"The event is for bot {routing.BotId}, not for '{bot.Code}'.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (bot.Portal.OAuth is { } application)
        {
            if (!await applicationAuth.AcceptAsync(application, routing))
            {
                LogRejected(logger, bot.Code, "application_token or member_id does not match the installation");
                return Results.Problem("application_token does not match this portal's installation.", statusCode: StatusCodes.Status403Forbidden);
            }
        }
        else if (!await IsApplicationTokenAcceptedAsync(bot, routing.Auth?.ApplicationToken))
        {
            LogRejected(logger, bot.Code, "application_token does not match");
            return Results.Problem("application_token does not match this bot's subscriptions.", statusCode: StatusCodes.Status403Forbidden);
        }

        return await StoreAsync(bot, routing, body, http.Request.ContentType);
    }

    private async Task<IResult> StoreAsync(HostedBot bot, WebhookRouting routing, string body, string? contentType)
    {
        var item = new InboxItem
        {
            Portal = bot.Portal.Key,
            BotCode = bot.Code,
            DialogId = routing.DialogId ?? InboxItem.NoDialog,
            Source = InboxItem.Sources.Webhook,
            Payload = body,
            ContentType = contentType,
            ReceivedAt = time.GetUtcNow(),
        };
        try
        {
            // Not tied to the request: a delivery whose sender hung up is still worth keeping. The writer gives up on a
            // store that does not answer in time (EnqueueLane.StoreTimeout), so no timer per request is needed here.
            await inbox.EnqueueAsync(item, CancellationToken.None);
            metrics.EventReceived(bot.Portal.Key, bot.Code, routing.EventType, "webhook");
            return Results.Ok();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !lifetime.ApplicationStopping.IsCancellationRequested)
        {
            LogNotStored(logger, ex, routing.EventType, bot.Code);
            return Results.Problem($"The event could not be stored, so it is not accepted: {ReasonOf(ex)}", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static string ReasonOf(Exception ex) =>
        ex is OperationCanceledException ? $"the store did not answer within {EnqueueLane.StoreTimeout.TotalSeconds} s." : ex.Message;

    /// <summary>
    /// Each webhook-mode bot gets a synthetic application_token whose value cannot be learned in advance (spec §1.3):
    /// the first delivery that passed the URL secret teaches it, and every later one must match it.
    /// </summary>
    private async Task<bool> IsApplicationTokenAcceptedAsync(HostedBot bot, string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return bot.Registration?.ApplicationToken is null;
        }

        if (bot.Registration?.ApplicationToken is { } known)
        {
            return SecretsEqual(presented, known);
        }

        await reconciler.SetApplicationTokenAsync(bot, presented, lifetime.ApplicationStopping);
        return true;
    }

    private static async Task<(string Body, bool TooLarge)> ReadBodyAsync(HttpContext http)
    {
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return ("", true);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        try
        {
            // Straight from the request's pipe into one string: a StreamReader would allocate its buffers per request.
            var reader = http.Request.BodyReader;
            while (true)
            {
                var read = await reader.ReadAsync(http.RequestAborted);
                if (read.Buffer.Length > MaxBodyBytes)
                {
                    reader.AdvanceTo(read.Buffer.End);
                    return ("", true);
                }

                if (read.IsCompleted)
                {
                    var body = Encoding.UTF8.GetString(read.Buffer);
                    reader.AdvanceTo(read.Buffer.End);
                    return (body.StartsWith('\uFEFF') ? body[1..] : body, false);
                }

                reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ("", true);
        }
    }

    private static bool SecretsEqual(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));

    [LoggerMessage(Level = LogLevel.Error, Message = "A {EventType} delivery for bot {Bot} could not be stored and was answered 503; Bitrix24 does not retry it, so it is lost")]
    private static partial void LogNotStored(ILogger logger, Exception exception, string eventType, string bot);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a webhook delivery for bot {Bot}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string bot, string reason);
}
