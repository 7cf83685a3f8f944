using ChatBotHost.Emulator.Observation;

namespace ChatBotHost.Emulator.Delivery;

/// <summary>
/// Sends one bot's webhook events one at a time, in the order they were enqueued (enqueueing happens under
/// the portal lock, so lane order is event order). Every outcome is logged; nothing is retried.
/// </summary>
internal sealed class WebhookLane(WebhookLaneContext context)
{
    private readonly Lock _gate = new();
    private Task _tail = Task.CompletedTask;

    /// <summary>Queues a POST; the task completes with its outcome once it was answered or failed, and never faults.</summary>
    public Task<WebhookDelivery> Enqueue(WebhookJob job)
    {
        lock (_gate)
        {
            var sent = SendAfterAsync(_tail, job);
            _tail = sent;
            return sent;
        }
    }

    private async Task<WebhookDelivery> SendAfterAsync(Task previous, WebhookJob job)
    {
        await Task.Yield(); // leave the caller's lock before doing any work
        await previous;
        int? status = null;
        string? failure = null;
        try
        {
            status = await context.Transport.PostFormAsync(job.Url, job.Body, context.Stopping);
        }
#pragma warning disable CA1031 // a failed delivery of any kind is an outcome to record, not to throw (Bitrix24 drops it too)
        catch (Exception ex)
#pragma warning restore CA1031
        {
            failure = ex.GetType().Name + ": " + ex.Message;
        }

        var delivery = new WebhookDelivery(job.BotId, job.BotCode, job.EventType, status, failure, context.TimeProvider.GetLocalNow());
        context.Log.Add(delivery);
        return delivery;
    }
}
