using System.Text.Json;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Json;
using ChatBotHost.Hosting;
using ChatBotHost.State;

namespace ChatBotHost.Delivery;

/// <summary>
/// What the outbox writes down: results of keyed calls in the sent ledger, given-up calls in the dead-letter list,
/// and the log lines of retries and failures. A write that fails is logged; it never fails the call it is about.
/// </summary>
internal sealed partial class SendRecords(ISentLedger ledger, IDeadLetterStore deadLetters, TimeProvider time, ILogger<SendRecords> logger)
{
    /// <summary>How long a sent call's result is kept: as long as a handled event's duplicate mark.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(3);

    /// <summary>The recorded result of the bot's call with this key, if there is one.</summary>
    public async Task<(bool Found, TResult Result)> FindAsync<TResult>(HostedBot bot, string key, CancellationToken cancellationToken)
    {
        string? json;
        try
        {
            json = await ledger.FindAsync(bot.Portal.Key, bot.Code, key, cancellationToken);
        }
        catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            // Better a possible duplicate than no reply at all.
            LogLedgerReadFailed(logger, e, bot.Code, key);
            return (false, default!);
        }

        if (json is null)
        {
            return (false, default!);
        }

        try
        {
            var result = JsonSerializer.Deserialize<TResult>(json, BitrixJson.Options)!;
            LogAlreadySent(logger, bot.Code, key);
            return (true, result);
        }
        catch (JsonException e)
        {
            LogLedgerReadFailed(logger, e, bot.Code, key);
            return (false, default!);
        }
    }

    public async Task SentAsync(QueuedCall call)
    {
        if (call.IdempotencyKey is not { } key)
        {
            return;
        }

        try
        {
            await ledger.RecordAsync(call.Bot.Portal.Key, call.Bot.Code, key, call.ResultJson(), Retention, CancellationToken.None);
        }
        catch (Exception e)
        {
            LogLedgerWriteFailed(logger, e, call.Bot.Code, key);
        }
    }

    public void Retrying(QueuedCall call, Exception error, TimeSpan delay) =>
        LogRetrying(logger, call.Method, call.Bot.Code, call.DialogId, Describe(error), call.Failures, delay.TotalSeconds);

    /// <summary>
    /// Logs the call as given up and, when the portal refused it, keeps it as a dead letter; a method waiting for the
    /// administrator's confirmation is not a failure and is not dead-lettered (the caller gets the typed outcome).
    /// </summary>
    public async Task GaveUpAsync(QueuedCall call, Exception error)
    {
        if (BitrixErrorTable.Of(error) == BitrixErrorBehaviour.ParkForAdministrator)
        {
            LogWaitsForAdministrator(logger, call.Method, call.Bot.Code, call.DialogId);
            return;
        }

        LogGaveUp(logger, call.Method, call.Bot.Code, call.DialogId, Describe(error), call.Failures);
        if (error is not BitrixApiException failure)
        {
            // Not the portal's answer but a bug or a stop: the caller gets the exception, an operator could not replay it.
            return;
        }

        try
        {
            await deadLetters.AddAsync(
                new DeadLetter
                {
                    Portal = call.Bot.Portal.Key,
                    BotCode = call.Bot.Code,
                    Kind = DeadLetter.Kinds.Call,
                    DialogId = call.DialogId,
                    Reason = $"{failure.Error}: {failure.Description}",
                    At = time.GetUtcNow(),
                    Payload = DeadLetterPayload.Of(call.Method, call.Request),
                },
                CancellationToken.None);
        }
        catch (Exception e)
        {
            LogDeadLetterFailed(logger, e, call.Method, call.Bot.Code);
        }
    }

    private static string Describe(Exception error) =>
        error is BitrixApiException failure ? $"{failure.Error} (HTTP {(int)failure.StatusCode})" : error.GetType().Name;

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot {Bot}: call {IdempotencyKey} was sent before; returning its recorded result")]
    private static partial void LogAlreadySent(ILogger logger, string bot, string idempotencyKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} of bot {Bot} in dialog {DialogId} failed with {Error} (attempt {Failures}); retrying in {DelaySeconds:0.#} s")]
    private static partial void LogRetrying(ILogger logger, string method, string bot, string? dialogId, string error, int failures, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} of bot {Bot} in dialog {DialogId} failed with {Error} after {Attempts} attempt(s); given up")]
    private static partial void LogGaveUp(ILogger logger, string method, string bot, string? dialogId, string error, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} of bot {Bot} in dialog {DialogId} waits for the portal administrator's confirmation (METHOD_CONFIRM_WAITING); not retried")]
    private static partial void LogWaitsForAdministrator(ILogger logger, string method, string bot, string? dialogId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot {Bot}: the sent ledger could not be read for call {IdempotencyKey}; sending it")]
    private static partial void LogLedgerReadFailed(ILogger logger, Exception exception, string bot, string idempotencyKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot {Bot}: call {IdempotencyKey} was sent but could not be recorded; a repeated turn may send it again")]
    private static partial void LogLedgerWriteFailed(ILogger logger, Exception exception, string bot, string idempotencyKey);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} of bot {Bot} could not be written to the dead-letter list")]
    private static partial void LogDeadLetterFailed(ILogger logger, Exception exception, string method, string bot);
}
