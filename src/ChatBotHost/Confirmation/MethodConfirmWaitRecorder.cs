using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Requests.Events;
using ChatBotHost.Delivery;
using ChatBotHost.Hosting;
using ChatBotHost.Pipeline;
using ChatBotHost.State;
using StackExchange.Redis;

namespace ChatBotHost.Confirmation;

/// <summary>
/// Wraps the outbox a turn sends through (under <c>turn.Api</c> and <c>turn.Rest</c> alike): when a call is answered
/// METHOD_CONFIRM_WAITING, records that this bot's
/// dialog waits for the administrator's decision on the method, then lets the exception reach the caller, which
/// tells the user (or, unhandled, ends the turn as waiting: <see cref="AwaitingConfirmationStage"/>).
/// </summary>
internal sealed partial class MethodConfirmWaitRecorder(
    ISendQueue inner, IMethodConfirmWaits waits, string portal, MethodConfirmWait wait, ILogger logger) : ISendQueue
{
    /// <summary>The turn's outbox with its waits recorded for the turn's bot and dialog.</summary>
    public static ISendQueue Around(ISendQueue outbox, TurnContext turn)
    {
        var bot = turn.HostedBot;
        var wait = new MethodConfirmWait(bot.Code, turn.Event.DialogId ?? InboxItem.NoDialog, turn.Event.Language ?? turn.Event.Bot.Language);
        return new MethodConfirmWaitRecorder(
            outbox,
            turn.Services.GetRequiredService<IMethodConfirmWaits>(),
            bot.Portal.Key,
            wait,
            turn.Services.GetRequiredService<ILogger<MethodConfirmWaitRecorder>>());
    }

    public async Task<TResult> SendAsync<TResult>(HostedBot bot, BitrixRequest<TResult> request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await inner.SendAsync(bot, request, idempotencyKey, cancellationToken);
        }
        catch (MethodConfirmWaitingException)
        {
            await RecordAsync(request.Method);
            throw;
        }
    }

    // Polls are the host's own, never the author's: nothing there waits for an administrator.
    public Task<EventGetResult> PollAsync(HostedBot bot, EventGetRequest request, DateTimeOffset goAloneAt, CancellationToken cancellationToken) =>
        inner.PollAsync(bot, request, goAloneAt, cancellationToken);

    private async Task RecordAsync(string method)
    {
        try
        {
            // Not the turn's token: the wait must be kept even when the turn is being cancelled around the answer.
            await waits.RecordAsync(portal, method, wait, CancellationToken.None);
            LogRecorded(logger, portal, method, wait.BotCode, wait.DialogId);
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or RedisException)
        {
            // The caller still learns that the method waits; only the later decision will not reach this dialog.
            LogNotRecorded(logger, ex, portal, method, wait.BotCode, wait.DialogId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Portal {Portal}: {Method} waits for the administrator's confirmation; bot {Bot} in dialog {DialogId} gets the decision")]
    private static partial void LogRecorded(ILogger logger, string portal, string method, string bot, string dialogId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Portal {Portal}: {Method} waits for the administrator, but the wait of bot {Bot} in dialog {DialogId} could not be recorded; the decision will not reach it")]
    private static partial void LogNotRecorded(ILogger logger, Exception exception, string portal, string method, string bot, string dialogId);
}
