namespace ChatBotHost.Abstractions.Turns;

/// <summary>Keeps the typing indicator up during a long step (imbot.v2.Chat.InputAction.notify).</summary>
public static class TypingExtensions
{
    // The indicator is asked for a little longer than the refresh period, so it never flickers off between refreshes;
    // the bot's next message ends it on the user's side anyway.
    private static readonly TimeSpan Shown = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(25);

    /// <summary>
    /// Shows "typing…" (or <paramref name="statusMessageCode"/>, e.g. IMBOT_AGENT_ACTION_THINKING) now and keeps it
    /// shown until the returned handle is disposed: <c>await using (await turn.KeepTypingAsync(ct)) { … }</c>.
    /// </summary>
    public static async Task<IAsyncDisposable> KeepTypingAsync(this ITurnContext turn, CancellationToken cancellationToken, string? statusMessageCode = null)
    {
        ArgumentNullException.ThrowIfNull(turn);
        await turn.ShowTypingAsync(cancellationToken, statusMessageCode, Shown);
        return new Typing(turn, statusMessageCode, cancellationToken);
    }

    private sealed class Typing : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop;
        private readonly Task _refreshing;

        public Typing(ITurnContext turn, string? statusMessageCode, CancellationToken cancellationToken)
        {
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _refreshing = RefreshAsync(turn, statusMessageCode, _stop.Token);
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _refreshing;
            _stop.Dispose();
        }

        private static async Task RefreshAsync(ITurnContext turn, string? statusMessageCode, CancellationToken stop)
        {
            try
            {
                while (true)
                {
                    await Task.Delay(Refresh, stop);
                    await turn.ShowTypingAsync(stop, statusMessageCode, Shown);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Disposed: the step is done.
            }
        }
    }
}
