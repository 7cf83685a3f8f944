using ChatBotHost.Bitrix.Client;

namespace ChatBotHost.Delivery;

/// <summary>A client whose every request takes the <see cref="CallPipeline"/> with the caller's <see cref="CallPath"/>.</summary>
internal sealed class PipelineClient(CallPipeline pipeline, Func<CallRoute> route, CallPath path) : IBitrixClient
{
    public Task<TResult> CallAsync<TResult>(BitrixRequest<TResult> request, CancellationToken cancellationToken) =>
        pipeline.SendAsync(route, request, path, cancellationToken);
}
