using ChatBotHost.Bitrix.Requests.Events;
using ChatBotHost.Configuration;

namespace ChatBotHost.Delivery;

/// <summary>
/// The queue of one portal and its sender loop. Whenever a request slot is free it takes what is ready: up to
/// MaxBatchSize calls of one bot, oldest first, skipping any dialog that has a call in flight or waiting for a retry
/// (so a dialog's calls never overtake each other), and sends them — one call plainly, several as one batch. Nothing
/// waits to fill a batch: batches form from what queued up while earlier requests were under way. A fetch poll of the
/// bot rides in the last slot, or goes alone when its time comes, so polling spends no request a batch could carry.
/// </summary>
internal sealed class PortalSendQueue : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly QueuedCalls _queue;
    private readonly CancellationTokenSource _stopping = new();
    private readonly RequestSender _sender;
    private readonly SendRecords _records;
    private readonly SendRetries _retries;
    private readonly SendQueueOptions _options;
    private readonly TimeProvider _time;
    private readonly Task _loop;
    private readonly Func<CancellationToken, Task> _permit;
    private readonly SendQueueWakeup _wakeup = new();
    private TaskCompletionSource? _emptied;
    private TaskCompletionSource? _idle;
    private int _requests;
    private bool _disposed;

    public PortalSendQueue(
        RequestSender sender, SendRecords records, SendRetries retries, SendQueueOptions options, TimeProvider time, Func<CancellationToken, Task> permit)
    {
        _permit = permit;
        _sender = sender;
        _records = records;
        _retries = retries;
        _options = options;
        _time = time;
        _queue = new QueuedCalls(options.MaxBatchSize);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Calls queued, in flight or waiting for a retry.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    public Task<TResult> Enqueue<TResult>(QueuedCall<TResult> call)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var queued = _queue.Add(call);
            if (!ReferenceEquals(queued, call))
            {
                // The same call of a repeated turn is still on its way: the repeat shares its result.
                return queued is QueuedCall<TResult> same
                    ? same.Completion
                    : throw new InvalidOperationException($"Idempotency key '{call.IdempotencyKey}' already belongs to a {queued.Method} call.");
            }

            _wakeup.Wake();
        }

        return call.Completion;
    }

    /// <summary>
    /// Queues a fetch poll: it rides in the next request of its bot's calls, or goes alone at its GoAloneAt. Cancelling
    /// withdraws a poll still waiting; one on its way is not awaited (only the next poll's offset confirms its events).
    /// </summary>
    public Task<EventGetResult> PollAsync(QueuedPoll poll, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _queue.AddPoll(poll);
            _wakeup.Wake();
        }

        return poll.WaitAsync(_gate, _queue, cancellationToken);
    }

    /// <summary>The bot's waiting poll goes now rather than at its GoAloneAt; with none waiting, its next one does.</summary>
    public void HurryPoll(Hosting.HostedBot bot)
    {
        lock (_gate)
        {
            _queue.HurryPoll(bot, _time.GetUtcNow());
            _wakeup.Wake();
        }
    }

    /// <summary>Waits until every queued call was sent or given up; returns how many were left when cancelled.</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task emptied;
            lock (_gate)
            {
                if (_queue.Count == 0)
                {
                    return 0;
                }

                emptied = (_emptied ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            }

            await emptied.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (cancellationToken.IsCancellationRequested)
            {
                return Pending;
            }
        }
    }

    /// <summary>Stops the loop and fails every call still queued (the host is going away).</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        await _stopping.CancelAsync();
        await _loop;
        Task idle;
        QueuedCall[] left;
        lock (_gate)
        {
            // Requests under way are cancelled by the stopping token; their calls fail as they settle.
            idle = _requests == 0 ? Task.CompletedTask : (_idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }

        await idle;
        lock (_gate)
        {
            left = _queue.Clear();
        }

        foreach (var call in left)
        {
            call.Fail(new OperationCanceledException("The host stopped before the call was sent."));
        }

        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        var stopping = _stopping.Token;
        while (!stopping.IsCancellationRequested)
        {
            List<QueuedCall>? ready = null;
            DateTimeOffset? due = null;
            Task wakeup;
            bool work;
            lock (_gate)
            {
                work = _requests < _options.MaxConcurrentRequests && _queue.HasReady(_time.GetUtcNow(), out due);
                wakeup = work ? Task.CompletedTask : _wakeup.Next();
            }

            if (work)
            {
                // The permit first, the calls second: whatever arrived while the bucket made us wait joins this request,
                // which is how a full queue turns into full batches instead of many small ones.
                await _permit(stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                lock (_gate)
                {
                    if (!stopping.IsCancellationRequested && _queue.TakeReady(_time.GetUtcNow(), out due) is { } taken)
                    {
                        ready = taken;
                        _requests++;
                    }
                }

                if (ready is not null)
                {
                    _ = Task.Run(() => SendPrepaidAsync(ready), CancellationToken.None);
                }

                continue;
            }

            await SendQueueWakeup.WaitAsync(wakeup, due, _time, stopping);
        }
    }

    // The slot RunAsync took before collecting these calls travels with them: the request spends it instead of waiting.
    private Task SendPrepaidAsync(List<QueuedCall> calls) => SendAsync(calls, BucketPermit.Prepaid());

    private async Task SendAsync(List<QueuedCall> calls, BucketPermit permit)
    {
        Exception?[] errors;
        try
        {
            errors = await _sender.SendAsync(calls, permit, _stopping.Token);
        }
        catch (Exception e)
        {
            // Not the portal's answer (no client for the bot, a request that cannot be built): every call gets it,
            // and the request slot is given back below whatever happened.
            errors = [.. calls.Select(_ => e)];
        }

        for (var i = 0; i < calls.Count; i++)
        {
            await SettleAsync(calls[i], errors[i], calls.Count > 1);
        }

        lock (_gate)
        {
            _wakeup.Wake();
            if (--_requests == 0)
            {
                _idle?.TrySetResult();
            }
        }
    }

    private async Task SettleAsync(QueuedCall call, Exception? error, bool wasInBatch)
    {
        if (call is QueuedPoll poll)
        {
            SettlePoll(poll, error, wasInBatch);
            return;
        }

        if (error is null)
        {
            // Recorded before the caller hears of it, so a turn that goes on to commit has its replies on record.
            await _records.SentAsync(call);
            Remove(call);
            call.Succeed();
            return;
        }

        if (!_stopping.IsCancellationRequested && _retries.After(call, error, wasInBatch) is { } delay)
        {
            _records.Retrying(call, error, delay);
            lock (_gate)
            {
                call.InFlight = false;
                call.NotBefore = _time.GetUtcNow() + delay;
            }

            return;
        }

        if (!_stopping.IsCancellationRequested)
        {
            await _records.GaveUpAsync(call, error);
        }

        Remove(call);
        call.Fail(error);
    }

    // A poll is tried once: neither retried nor dead-lettered here; the poller backs off as it sees fit.
    private void SettlePoll(QueuedPoll poll, Exception? error, bool wasInBatch)
    {
        lock (_gate)
        {
            if (!_queue.SettlePoll(poll, error, wasInBatch && !_stopping.IsCancellationRequested, _time.GetUtcNow()))
            {
                return;
            }
        }

        poll.Settle(error);
    }

    private void Remove(QueuedCall call)
    {
        lock (_gate)
        {
            _queue.Remove(call);
            if (_queue.Count == 0)
            {
                _emptied?.TrySetResult();
                _emptied = null;
            }
        }
    }
}
