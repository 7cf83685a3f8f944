namespace ChatBotHost.OAuth;

/// <summary>
/// Counts this replica's requests under way to one application portal and closes the portal for good when it is
/// uninstalled: after <see cref="RevokeAsync"/> no request starts, and its task ends when the last one under way has
/// finished. Those are let finish rather than cancelled: a cancelled request may still reach the portal afterwards.
/// </summary>
internal sealed class PortalGuard
{
    private readonly Lock _gate = new();
    private int _inFlight;
    private bool _revoked;
    private TaskCompletionSource? _idle;

    public bool IsRevoked
    {
        get
        {
            lock (_gate)
            {
                return _revoked;
            }
        }
    }

    /// <summary>False once revoked; otherwise the request counts as under way until <see cref="Exit"/>.</summary>
    public bool TryEnter()
    {
        lock (_gate)
        {
            if (_revoked)
            {
                return false;
            }

            _inFlight++;
            return true;
        }
    }

    public void Exit()
    {
        lock (_gate)
        {
            _inFlight--;
            if (_inFlight == 0)
            {
                _idle?.TrySetResult();
            }
        }
    }

    /// <summary>Closes the portal; completes when no request to it is under way any more.</summary>
    public Task RevokeAsync()
    {
        lock (_gate)
        {
            _revoked = true;
            if (_inFlight == 0)
            {
                return Task.CompletedTask;
            }

            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idle.Task;
        }
    }
}
