using System.Net;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Requests.Batch;
using ChatBotHost.Operations.Metrics;
using ChatBotHost.Operations.Tracing;
using ChatBotHost.Registration;

namespace ChatBotHost.Delivery;

/// <summary>
/// Sends one request's worth of calls of one bot: a single call as a plain call, several as one batch, and reports
/// each call's own outcome (a failed sub-call affects only itself).
/// </summary>
internal sealed class RequestSender(IBotClientSource clients, HostMetrics? metrics = null)
{
    /// <summary>One entry per call: null when it succeeded (its result is in the call), else why it failed.</summary>
    public async Task<Exception?[]> SendAsync(IReadOnlyList<QueuedCall> calls, BucketPermit permit, CancellationToken cancellationToken)
    {
        // The bot's client on the call pipeline: the outbox's slot of the bucket spent by this request, one attempt
        // (the outbox schedules retries itself), the bot registered again if the portal lost it.
        var client = clients.For(calls[0].Bot, permit);
        if (calls.Count == 1)
        {
            using var span = HostTracing.StartCall(calls[0]);
            var outcome = await SendAloneAsync(client, calls[0], cancellationToken);
            if (outcome is not null)
            {
                HostTracing.Failed(span, outcome);
            }

            return [outcome];
        }

        using var batchSpan = HostTracing.StartBatch(calls);

        // Calls of one dialog in one batch must not overtake each other: if an earlier one fails, the portal has to stop
        // there (halt) rather than deliver the later one first; the calls it did not run go again in the next request.
        var batch = new BatchRequest { Halt = calls.DistinctBy(c => c.Lane, StringComparer.Ordinal).Count() < calls.Count };
        for (var i = 0; i < calls.Count; i++)
        {
            calls[i].AddTo(batch, IdOf(i));
        }

        BatchResult result;
        try
        {
            result = await client.CallAsync(batch, cancellationToken);
        }
        catch (Exception e)
        {
            HostTracing.Failed(batchSpan, e);
            return [.. calls.Select(_ => e)];
        }

        var outcomes = calls.Select((call, i) => TakeResult(call, result, IdOf(i), batch.Halt)).ToArray();
        // A failed call inside a successful batch is an error of the portal too (the batch's own failure is counted by the pipeline).
        foreach (var (call, error) in calls.Zip(outcomes).Where(c => c.Second is BitrixApiException))
        {
            metrics?.RestError(call.Bot.Portal.Key, call.Method, ((BitrixApiException)error!).Error);
        }

        return outcomes;
    }

    private static async Task<Exception?> SendAloneAsync(IBitrixClient client, QueuedCall call, CancellationToken cancellationToken)
    {
        try
        {
            await call.SendAloneAsync(client, cancellationToken);
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private static Exception? TakeResult(QueuedCall call, BatchResult result, string id, bool halted)
    {
        try
        {
            call.TakeResult(result, id);
            return null;
        }
        catch (BitrixApiException e)
        {
            return e;
        }
        catch (KeyNotFoundException) when (halted)
        {
            return new BatchHaltedException();
        }
        catch (KeyNotFoundException)
        {
            // halt is off, so every sub-call should have run; one that did not is simply tried again.
            return new BitrixApiException(BitrixErrors.Transport, $"{call.Method}: the batch answered without this call", HttpStatusCode.OK);
        }
    }

    // Position-based ids keep the batch's order visible in its answer and in logs.
    private static string IdOf(int index) => "c" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
