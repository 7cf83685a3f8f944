using System.Globalization;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Hosting;

namespace ChatBotHost.Delivery;

/// <summary>
/// A turn's client (<c>turn.Api</c>, and under ReplyAsync, AnswerCommandAsync, ShowTypingAsync): every call goes
/// through the outbox. Each call with an effect gets an idempotency key made of the event's deduplication key and the
/// call's ordinal in the turn, so the same turn run again after a redelivery returns what was sent instead of
/// sending it twice; a message also carries a dedupe id derived from the key (<see cref="DedupeStamp"/>).
/// </summary>
internal sealed class TurnClient(ISendQueue outbox, HostedBot bot, string eventKey) : IBitrixClient
{
    private int _ordinal;

    public Task<TResult> CallAsync<TResult>(BitrixRequest<TResult> request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = KeyFor(request.Method);
        return outbox.SendAsync(bot, WithDedupeId(request, key), key, cancellationToken);
    }

    private BitrixRequest<TResult> WithDedupeId<TResult>(BitrixRequest<TResult> request, string? key) =>
        key is null ? request : DedupeStamp.Apply(request, DedupeStamp.IdFor(bot, key));

    // The method is part of the key, so a turn that took another path the second time never gets another call's result.
    private string? KeyFor(string method) =>
        CallKinds.HasEffect(method)
            ? $"{eventKey}#{Interlocked.Increment(ref _ordinal).ToString(CultureInfo.InvariantCulture)}:{method}"
            : null;
}
