using ChatBotHost.Bitrix.Events;
using ChatBotHost.Hosting;
using ChatBotHost.Inbox;
using ChatBotHost.Intake.Http;
using ChatBotHost.Operations.Metrics;
using ChatBotHost.Operations.Tracing;
using ChatBotHost.State;

namespace ChatBotHost.Intake.Webhook;

/// <summary>
/// Takes one webhook delivery: authenticates it (the secret in the URL, then the application_token the bot's
/// subscriptions carry), reads what routing needs (type, bot, dialog, auth) and stores the body in the dialog's inbox
/// before answering 200. Bitrix24 never retries a delivery, so nothing is acknowledged that is not stored: a store that
/// fails gets 503 (and the event is lost). With ChatBotHost:Redis:WaitForReplicas, "stored" includes that many
/// replicas: an event they did not confirm in time is answered 503 too, though it stays in the inbox. Bad requests get a
/// 4xx with a short reason and never reach a handler.
/// </summary>
/// <remarks>
/// The event itself is decoded by the worker that handles it. Decoding it here too would double the intake's cost
/// (it was most of it), and an event whose routing fields are sound but whose other fields are not is better kept:
/// the worker puts it in the dead letters with the reason, where it can be replayed once the decoder is fixed.
/// </remarks>
internal sealed partial class WebhookIntake(
    WebhookAuthenticator authenticator,
    InboxWriter inbox,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    HostMetrics metrics,
    ILogger<WebhookIntake> logger)
{
    /// <summary>The largest delivery taken (see <see cref="BodyLimits.WebhookBytes"/>).</summary>
    public const long MaxBodyBytes = BodyLimits.WebhookBytes;

    public async Task<IResult> AcceptAsync(HttpContext http, string? portal, string botCode, string secret)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return Results.Problem("The host is shutting down.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var (check, found) = await authenticator.CheckAddressAsync(portal, botCode, secret, http.RequestAborted);
        switch (check)
        {
            case WebhookAddressCheck.Unknown:
                return Results.Problem("Unknown webhook address.", statusCode: StatusCodes.Status403Forbidden);
            case WebhookAddressCheck.NotReady:
                http.Response.Headers.RetryAfter = "5";
                return Results.Problem("The bot is not registered yet.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var bot = found!;
        using var span = HostTracing.StartIntake(InboxItem.Sources.Webhook, bot);
        var registration = bot.Registration!;

        // Too large a body is refused while it is read (413, answered by BodyRejectionMiddleware).
        var body = await RequestBodyReader.ReadAsync(http, MaxBodyBytes);
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

        if (!await authenticator.IsAuthenticAsync(bot, routing, lifetime.ApplicationStopping))
        {
            return Results.Problem(
                bot.Portal.OAuth is null ? "application_token does not match this bot's subscriptions." : "application_token does not match this portal's installation.",
                statusCode: StatusCodes.Status403Forbidden);
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
        catch (ReplicasNotConfirmedException ex)
        {
            // Stored on the primary, so it is handled unless that primary fails first; but it is not claimed as received.
            LogNotReplicated(logger, ex, routing.EventType, bot.Code);
            return Results.Problem("The event could not be stored, so it is not accepted: too few Redis replicas confirmed it in time.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // The log has the exception; the answer only a short reason (an exception's text may name the store's endpoints).
            LogNotStored(logger, ex, routing.EventType, bot.Code);
            return Results.Problem($"The event could not be stored, so it is not accepted: {ReasonOf(ex)}", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static string ReasonOf(Exception ex) =>
        ex is OperationCanceledException ? $"the store did not answer within {EnqueueLane.StoreTimeout.TotalSeconds} s." : "the store failed.";

    [LoggerMessage(Level = LogLevel.Error, Message = "A {EventType} delivery for bot {Bot} could not be stored and was answered 503; Bitrix24 does not retry it, so it is lost")]
    private static partial void LogNotStored(ILogger logger, Exception exception, string eventType, string bot);

    [LoggerMessage(Level = LogLevel.Error, Message = "A {EventType} delivery for bot {Bot} was stored on the Redis primary but too few replicas confirmed it, so it was answered 503; it is still handled unless that primary fails first")]
    private static partial void LogNotReplicated(ILogger logger, Exception exception, string eventType, string bot);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a webhook delivery for bot {Bot}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string bot, string reason);
}
