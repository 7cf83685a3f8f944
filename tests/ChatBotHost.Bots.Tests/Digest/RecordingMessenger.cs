using ChatBotHost.Abstractions.Proactive;

namespace ChatBotHost.Bots.Tests.Digest;

/// <summary>Stands in for the host's IBotMessenger: records what the bot queued, and lets a test await the first one.</summary>
internal sealed class RecordingMessenger : IBotMessenger
{
    private readonly TaskCompletionSource<ProactiveMessage> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<ProactiveMessage> _sent = [];

    public IReadOnlyList<ProactiveMessage> Sent
    {
        get
        {
            lock (_sent)
            {
                return _sent.ToArray();
            }
        }
    }

    /// <summary>Completes when the bot queues its first proactive message (from its background work).</summary>
    public Task<ProactiveMessage> First => _first.Task;

    public Task<string> SendAsync(ProactiveMessage message, CancellationToken cancellationToken)
    {
        lock (_sent)
        {
            _sent.Add(message);
        }

        _first.TrySetResult(message);
        return Task.FromResult("proactive:" + message.IdempotencyKey);
    }
}
