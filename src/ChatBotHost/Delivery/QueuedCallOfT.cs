using System.Text.Json;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Json;
using ChatBotHost.Bitrix.Requests.Batch;
using ChatBotHost.Hosting;

namespace ChatBotHost.Delivery;

/// <summary>A queued call with a result of type <typeparamref name="TResult"/>, completed once it was sent or given up.</summary>
internal class QueuedCall<TResult>(HostedBot bot, BitrixRequest<TResult> request, string? idempotencyKey, string? lane = null)
    : QueuedCall(bot, CallDialog.Of(request), idempotencyKey, lane)
{
    private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TResult _result = default!;

    public Task<TResult> Completion => _completion.Task;

    public override string Method => request.Method;

    public override object Request => request;

    public override async Task SendAloneAsync(IBitrixClient client, CancellationToken cancellationToken) =>
        _result = await client.CallAsync(request, cancellationToken);

    public override void AddTo(BatchRequest batch, string id) => batch.Add(id, request);

    public override void TakeResult(BatchResult batch, string id) => _result = batch.GetResult<TResult>(id);

    public override string ResultJson() => JsonSerializer.Serialize(_result, BitrixJson.Options);

    public override void Succeed() => _completion.TrySetResult(_result);

    public override void Fail(Exception error)
    {
        if (error is OperationCanceledException cancelled)
        {
            _completion.TrySetCanceled(cancelled.CancellationToken);
        }
        else
        {
            _completion.TrySetException(error);
        }
    }
}
