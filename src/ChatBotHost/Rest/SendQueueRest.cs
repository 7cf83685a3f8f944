using System.Text.Json.Nodes;
using ChatBotHost.Abstractions.Rest;
using ChatBotHost.Bitrix.Requests.Batch;
using ChatBotHost.Bitrix.Requests.Raw;
using ChatBotHost.Delivery;
using ChatBotHost.Hosting;

namespace ChatBotHost.Rest;

/// <summary>
/// The author's REST API over the outbox: every call is a raw request sent as the bot through <see cref="ISendQueue"/>
/// (credentials, the portal's bucket, coalescing, retries, the sent ledger), effects keyed by <see cref="RestIdempotency"/>.
/// In a turn the calls are ordered with the turn's dialog; outside one they share the bot's lane.
/// </summary>
internal sealed class SendQueueRest : IBitrixRest, IRestRequests
{
    private readonly ISendQueue _outbox;
    private readonly Func<CancellationToken, Task<HostedBot>> _bot;
    private readonly RestIdempotency _keys;
    private readonly string? _dialogId;
    private readonly int _maxPerRequest;

    public SendQueueRest(ISendQueue outbox, Func<CancellationToken, Task<HostedBot>> bot, RestIdempotency keys, string? dialogId, int maxPerRequest)
    {
        _outbox = outbox;
        _bot = bot;
        _keys = keys;
        _dialogId = dialogId;
        _maxPerRequest = Math.Clamp(maxPerRequest, 1, BatchRequest.MaxCalls);
    }

    public async Task<JsonNode?> CallAsync(string method, object? parameters, CancellationToken cancellationToken)
    {
        var request = new RawRequest(method, RestParameters.From(parameters)) { DialogId = _dialogId };
        var bot = await _bot(cancellationToken);
        return await _outbox.SendAsync(bot, request, _keys.KeyFor(method), cancellationToken);
    }

    public Task<RawPage> CallPageAsync(string method, object? parameters, CancellationToken cancellationToken) =>
        SendAloneAsync(method, RestParameters.From(parameters), cancellationToken);

    public Task<RestBatchResult> BatchAsync(RestBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return new RestBatchRunner(this, _maxPerRequest).RunAsync(batch, cancellationToken);
    }

    public async Task<RawPage> SendAloneAsync(string method, JsonObject parameters, CancellationToken cancellationToken)
    {
        var request = new RawPageRequest(method, parameters) { DialogId = _dialogId };
        var bot = await _bot(cancellationToken);
        return await _outbox.SendAsync(bot, request, _keys.KeyFor(method), cancellationToken);
    }

    // "batch" never joins another batch in the outbox (CallKinds), so the author's request goes to the portal as built.
    public async Task<BatchResult> SendBatchAsync(BatchRequest batch, bool hasEffect, CancellationToken cancellationToken)
    {
        var bot = await _bot(cancellationToken);
        return await _outbox.SendAsync(bot, batch, hasEffect ? _keys.KeyForEffect(batch.Method) : null, cancellationToken);
    }
}
