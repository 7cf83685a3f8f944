using ChatBotHost.Emulator.Observation;
using ChatBotHost.Emulator.Rest;

namespace ChatBotHost.Emulator.Faults;

/// <summary>
/// Holds REST requests for chosen methods unanswered, so crash tests can kill a client mid-call. A held request
/// whose client disconnects is dropped before it touches the portal, as if it never arrived; so is one still held
/// when the emulator stops (a stopping portal never answers it).
/// </summary>
internal sealed class CallGate(CancellationToken stopping)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, HoldEntry> _holds = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _waiting = new(StringComparer.OrdinalIgnoreCase);
    private readonly Waiters<string> _arrivals = new();

    /// <summary>Holds calls of the method; the first <paramref name="letThrough"/> still pass (to stop a client mid-sequence).</summary>
    public IDisposable Hold(string method, int letThrough = 0)
    {
        var key = MethodNames.Normalize(method);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (!_holds.TryAdd(key, new HoldEntry(release) { LetThrough = letThrough }))
            {
                throw new InvalidOperationException($"Calls to {key} are already held.");
            }
        }

        return new Release(() =>
        {
            lock (_gate)
            {
                _holds.Remove(key);
            }

            release.TrySetResult();
        });
    }

    /// <summary>Waits while any of the request's methods is held; false when the client went away meanwhile.</summary>
    public async Task<bool> PassAsync(IReadOnlyCollection<string> methods, CancellationToken requestAborted)
    {
        string? heldMethod = null;
        TaskCompletionSource? release = null;
        lock (_gate)
        {
            foreach (var method in methods)
            {
                if (_holds.TryGetValue(method, out var hold))
                {
                    if (hold.LetThrough > 0)
                    {
                        hold.LetThrough--;
                        continue;
                    }

                    release = hold.Release;
                    heldMethod = method;
                    _waiting[method] = _waiting.GetValueOrDefault(method) + 1;
                    break;
                }
            }
        }

        if (heldMethod is null || release is null)
        {
            return true;
        }

        _arrivals.Notify(heldMethod);
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, stopping);
        try
        {
            await release.Task.WaitAsync(giveUp.Token);
            return !giveUp.IsCancellationRequested;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        finally
        {
            lock (_gate)
            {
                _waiting[heldMethod]--;
            }
        }
    }

    public Task WaitForHeldAsync(string method, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var key = MethodNames.Normalize(method);
        TaskCompletionSource<string> arrival;
        lock (_gate)
        {
            if (_waiting.GetValueOrDefault(key) > 0)
            {
                return Task.CompletedTask;
            }

            arrival = _arrivals.Add(m => string.Equals(m, key, StringComparison.OrdinalIgnoreCase));
        }

        return _arrivals.AwaitAsync(
            arrival, timeout, () => $"No call to {key} was held within {timeout.TotalSeconds:0.#} s.", cancellationToken);
    }

    private sealed class HoldEntry(TaskCompletionSource release)
    {
        public TaskCompletionSource Release { get; } = release;

        public int LetThrough { get; set; }
    }

    private sealed class Release(Action release) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                release();
            }
        }
    }
}
