using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Operations.Metrics;

namespace ChatBotHost.Delivery;

/// <summary>
/// The one path every request of the host to a portal takes (replies, batches, Event.get, registration, direct calls),
/// composed in <see cref="SendAsync{TResult}"/> and read top to bottom:
/// retry (the one policy, only where the caller does not schedule retries itself) → credentials (refresh an expired
/// OAuth token once, then repeat) → idempotency (the portal-side dedupe id) → suspension (a portal that refuses all
/// REST is not called) → bucket permit (the caller's prepaid slot, or a wait for one) → re-register the bot on
/// BOT_NOT_FOUND (then repeat once) → transport (BitrixClient: HTTP, envelope, error mapping). Every repeat below the
/// permit waits for a slot of its own. What each error code means is looked up in <see cref="BitrixErrorTable"/>.
/// </summary>
internal sealed partial class CallPipeline(
    PortalRetryPolicy retries, PortalRateLimiter? limiter, PortalSuspensions suspensions, HostMetrics? metrics, ILogger<CallPipeline> logger)
{
    public PortalRetryPolicy Retries => retries;

    public PortalSuspensions Suspensions => suspensions;

    /// <summary>Sends one request (a batch is one) along the path and returns its result or throws the portal's answer.</summary>
    public Task<TResult> SendAsync<TResult>(Func<CallRoute> route, BitrixRequest<TResult> request, CallPath path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(path);
        var call = new Call<TResult>(route, request, path);
        return RetryAsync(call, ct1 =>
            CredentialsAsync(call, ct2 =>
                IdempotencyAsync(call, ct3 =>
                    SuspensionAsync(call, ct4 =>
                        PermitAsync(call, ct5 =>
                            ReRegisterAsync(call, ct6 =>
                                TransportAsync(call, ct6), ct5), ct4), ct3), ct2), ct1), cancellationToken);
    }

    // 1. Retry: transient failures and rate limits again, at most MaxAttempts in all, when the caller asked for it.
    private Task<T> RetryAsync<T>(Call<T> call, Func<CancellationToken, Task<T>> next, CancellationToken cancellationToken) =>
        call.Path.Retried
            ? retries.Pipeline.ExecuteAsync(static async (next, ct) => await next(ct), next, cancellationToken).AsTask()
            : next(cancellationToken);

    // 2. Credentials: the attempt carries the webhook botToken or the portal's OAuth token; expired_token refreshes once.
    private async Task<T> CredentialsAsync<T>(Call<T> call, Func<CancellationToken, Task<T>> next, CancellationToken cancellationToken)
    {
        // What this attempt is authorized with, so the refresh can tell whether the refused token is still the current one.
        var carried = new JsonObject();
        await call.Route.Credentials.AuthorizeAsync(call.Request.Method, carried, cancellationToken);
        try
        {
            return await next(cancellationToken);
        }
        catch (BitrixApiException e) when (e.Behaviour == BitrixErrorBehaviour.RefreshTokenOnce)
        {
            if (!await call.Route.Credentials.TryRefreshAsync(carried, cancellationToken))
            {
                throw;
            }

            LogRefreshed(logger, call.Request.Method, call.Route.Portal);
        }

        return await next(cancellationToken);
    }

    // 3. Idempotency: a message sent with a key carries a dedupe id derived from it, the same in every repeat.
    private static Task<T> IdempotencyAsync<T>(Call<T> call, Func<CancellationToken, Task<T>> next, CancellationToken cancellationToken)
    {
        call.Request = DedupeStamp.Apply(call.Request, call.Path.DedupeId);
        return next(cancellationToken);
    }

    // 4. Suspension: no request to a portal that refuses all REST, but one probe now and then.
    private async Task<T> SuspensionAsync<T>(Call<T> call, Func<CancellationToken, Task<T>> next, CancellationToken cancellationToken)
    {
        var portal = call.Route.Portal;
        var passage = suspensions.Enter(portal);
        var answered = false;
        try
        {
            var result = await next(cancellationToken);
            answered = true;
            return result;
        }
        catch (BitrixApiException e) when (e.Behaviour == BitrixErrorBehaviour.SuspendPortal && e is not PortalSuspendedException)
        {
            passage = PortalPassage.Open; // settled by Suspend below
            throw suspensions.Suspend(portal, e);
        }
        catch (BitrixApiException e) when (e.Error != BitrixErrors.Transport && e is not PortalSuspendedException)
        {
            answered = true; // any other answer shows the portal takes requests again
            throw;
        }
        finally
        {
            if (answered)
            {
                suspensions.Answered(portal, passage);
            }
            else
            {
                suspensions.Unanswered(portal, passage);
            }
        }
    }

    // 5. Bucket permit: the slot the caller paid for, or a wait for one; QUERY_LIMIT_EXCEEDED holds the shared bucket.
    private async Task<T> PermitAsync<T>(Call<T> call, Func<CancellationToken, Task<T>> next, CancellationToken cancellationToken)
    {
        if (!call.Path.Permit.TrySpend())
        {
            await WaitForSlotAsync(call, cancellationToken);
        }

        try
        {
            return await next(cancellationToken);
        }
        catch (BitrixApiException e) when (limiter is not null && e.Behaviour == BitrixErrorBehaviour.WaitForBucket && e.Error != BitrixErrors.OperationTimeLimit)
        {
            // The portal's bucket also counts requests we cannot see (other apps on our IP, other hosts): it is the
            // authority, so every caller on every replica pauses. OPERATION_TIME_LIMIT limits only the method (spec §2.4).
            await limiter.HoldAsync(call.Route.Portal, call.Request.Method, e.Error, retries.BucketHold(), cancellationToken);
            throw;
        }
    }

    // 6. Re-register: BOT_NOT_FOUND means the bot was deleted on the portal (spec §4); register it, repeat once.
    private async Task<T> ReRegisterAsync<T>(Call<T> call, Func<CancellationToken, Task<T>> next, CancellationToken cancellationToken)
    {
        if (call.Path.ReRegister is not { } reRegister)
        {
            return await next(cancellationToken);
        }

        try
        {
            return await next(cancellationToken);
        }
        catch (BitrixApiException e) when (e.Behaviour == BitrixErrorBehaviour.ReRegisterBot)
        {
            await reRegister(cancellationToken);
        }

        // The repeat is a request of its own (with the new bot id, from a fresh route): it waits for its own slot.
        call.Route = call.RouteAgain();
        await WaitForSlotAsync(call, cancellationToken);
        return await next(cancellationToken);
    }

    // 7. Transport: one HTTP request; every error the portal answered is counted per code.
    private async Task<T> TransportAsync<T>(Call<T> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call.Route.Transport.CallAsync(call.Request, cancellationToken);
        }
        catch (BitrixApiException e)
        {
            metrics?.RestError(call.Route.Portal, call.Request.Method, e.Error);
            throw;
        }
    }

    private Task WaitForSlotAsync<T>(Call<T> call, CancellationToken cancellationToken) =>
        limiter?.WaitAsync(call.Route.Portal, cancellationToken) ?? Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} on {Portal}: access token refreshed after expired_token; repeating once")]
    private static partial void LogRefreshed(ILogger logger, string method, string portal);

    /// <summary>One request on its way: where it goes (the route is made again after a re-registration) and what it is.</summary>
    private sealed class Call<T>(Func<CallRoute> routes, BitrixRequest<T> request, CallPath path)
    {
        public CallRoute Route { get; set; } = routes();

        public BitrixRequest<T> Request { get; set; } = request;

        public CallPath Path { get; } = path;

        public CallRoute RouteAgain() => routes();
    }
}
