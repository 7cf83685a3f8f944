using System.Diagnostics;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Requests.Batch;
using ChatBotHost.Hosting;

namespace ChatBotHost.Delivery;

/// <summary>
/// One call waiting in the outbox, with its place in the queue and its retry state; the typed subclass carries the
/// request and completes the caller's task. Its mutable state is changed only under the portal outbox's lock.
/// </summary>
internal abstract class QueuedCall
{
    /// <param name="bot">The bot the call is made as.</param>
    /// <param name="dialogId">The dialog the call is addressed to, which orders it; null for a call that names none.</param>
    /// <param name="idempotencyKey">The key its result is recorded under, for a call with an effect.</param>
    /// <param name="lane">A lane of its own (a poll's) instead of the dialog's.</param>
    protected QueuedCall(HostedBot bot, string? dialogId, string? idempotencyKey, string? lane = null)
    {
        Bot = bot;
        DialogId = dialogId;
        IdempotencyKey = idempotencyKey;
        Lane = lane ?? $"{bot.Code}\n{dialogId}";
        Trace = Activity.Current?.Context ?? default;
    }

    public HostedBot Bot { get; }

    public string? DialogId { get; }

    public string? IdempotencyKey { get; }

    /// <summary>Calls of one lane (a bot's dialog) are sent in the order they were queued.</summary>
    public string Lane { get; }

    public abstract string Method { get; }

    /// <summary>The span that queued the call (a turn's, an intake's); the request that sends it is traced under it.</summary>
    public ActivityContext Trace { get; }

    /// <summary>The request record, for the dead-letter payload.</summary>
    public abstract object Request { get; }

    public LinkedListNode<QueuedCall>? Node { get; set; }

    /// <summary>Failed attempts so far (a batch-level problem that sends the call again alone is not counted).</summary>
    public int Failures { get; set; }

    public DateTimeOffset NotBefore { get; set; }

    public bool InFlight { get; set; }

    /// <summary>Set after a batch-level problem (BOT_NOT_FOUND, a batch the portal refused): the next try goes alone.</summary>
    public bool SendAlone { get; set; }

    public bool MayJoinBatch => !SendAlone && CallKinds.MayBatch(Method);

    public abstract Task SendAloneAsync(IBitrixClient client, CancellationToken cancellationToken);

    public abstract void AddTo(BatchRequest batch, string id);

    /// <summary>Takes this call's answer from a batch; throws its error as a direct call would.</summary>
    public abstract void TakeResult(BatchResult batch, string id);

    /// <summary>The result as JSON, for the sent ledger.</summary>
    public abstract string ResultJson();

    public abstract void Succeed();

    public abstract void Fail(Exception error);

    /// <summary>Completes the caller's task with the result, or with <paramref name="error"/> when there is one.</summary>
    public void Settle(Exception? error)
    {
        if (error is null)
        {
            Succeed();
        }
        else
        {
            Fail(error);
        }
    }
}
