namespace ChatBotHost.Emulator.Observation;

/// <summary>
/// Callers waiting for an item that matches their predicate. Completions run asynchronously so that
/// a notifier holding the portal lock never runs test code inside it.
/// </summary>
internal sealed class Waiters<T>
{
    private readonly Lock _gate = new();
    private readonly List<(Func<T, bool> Predicate, TaskCompletionSource<T> Completion)> _waiting = [];

    public TaskCompletionSource<T> Add(Func<T, bool> predicate)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiting.Add((predicate, completion));
        }

        return completion;
    }

    public void Remove(TaskCompletionSource<T> completion)
    {
        lock (_gate)
        {
            _waiting.RemoveAll(w => ReferenceEquals(w.Completion, completion));
        }
    }

    public void Notify(T item)
    {
        List<(Func<T, bool> Predicate, TaskCompletionSource<T> Completion)> matched;
        lock (_gate)
        {
            matched = _waiting.FindAll(w => w.Predicate(item));
            _waiting.RemoveAll(matched.Contains);
        }

        foreach (var (_, completion) in matched)
        {
            completion.TrySetResult(item);
        }
    }

    /// <summary>Awaits a registered waiter; on timeout removes it and throws with <paramref name="describe"/>'s text.</summary>
    public async Task<T> AwaitAsync(
        TaskCompletionSource<T> completion, TimeSpan timeout, Func<string> describe, CancellationToken cancellationToken)
    {
        try
        {
            return await completion.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            Remove(completion);
            throw new TimeoutException(describe());
        }
        catch (OperationCanceledException)
        {
            Remove(completion);
            throw;
        }
    }
}
