using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Requests.Messages;
using ChatBotHost.Hosting;

namespace ChatBotHost.Delivery;

/// <summary>
/// A turn's client (<c>turn.Api</c>, and under ReplyAsync, AnswerCommandAsync, ShowTypingAsync): every call goes
/// through the outbox. Each call with an effect gets an idempotency key made of the event's deduplication key and the
/// call's ordinal in the turn, so the same turn run again after a redelivery returns what was sent instead of
/// sending it twice.
/// </summary>
internal sealed class TurnClient(IOutbox outbox, HostedBot bot, string eventKey) : IBitrixClient
{
    private int _ordinal;

    public Task<TResult> CallAsync<TResult>(BitrixRequest<TResult> request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = KeyFor(request.Method);
        return outbox.SendAsync(bot, WithDedupeId(request, key), key, cancellationToken);
    }

    // The ledger cannot cover a crash after the portal accepted a message but before its answer was recorded. A message's
    // templateId becomes its uuid, the portal's dedupe id (spec §5.5): derived from the idempotency key, a repeated send
    // carries the same one, so the portal can recognise the repeat [infer]. An author's own templateId is kept.
    private BitrixRequest<TResult> WithDedupeId<TResult>(BitrixRequest<TResult> request, string? key) =>
        request is ChatMessageSendRequest { Fields.TemplateId: null } send && key is not null
            ? (BitrixRequest<TResult>)(object)(send with { Fields = send.Fields with { TemplateId = DedupeId(key) } })
            : request;

    private string DedupeId(string key) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"{bot.Portal.Key}\n{bot.Code}\n{key}")).AsSpan(0, 16)).ToString();

    // The method is part of the key, so a turn that took another path the second time never gets another call's result.
    private string? KeyFor(string method) =>
        CallKinds.HasEffect(method)
            ? $"{eventKey}#{Interlocked.Increment(ref _ordinal).ToString(CultureInfo.InvariantCulture)}:{method}"
            : null;
}
