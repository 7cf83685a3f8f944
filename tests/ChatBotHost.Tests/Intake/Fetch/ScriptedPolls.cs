using System.Threading.Channels;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Requests.Events;
using ChatBotHost.Delivery;
using ChatBotHost.Hosting;

namespace ChatBotHost.Tests.Intake.Fetch;

/// <summary>An outbox that only takes polls: each one waits, with what it asked for, until the test answers it.</summary>
internal sealed class ScriptedPolls : ISendQueue
{
    private readonly Channel<Poll> _polls = Channel.CreateUnbounded<Poll>();

    public Task<TResult> SendAsync<TResult>(HostedBot bot, BitrixRequest<TResult> call, string? idempotencyKey, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The fetch receiver sends no calls.");

    public Task<EventGetResult> PollAsync(HostedBot bot, EventGetRequest request, DateTimeOffset goAloneAt, CancellationToken cancellationToken)
    {
        var poll = new Poll(request, goAloneAt);
        _polls.Writer.TryWrite(poll);
        return poll.Answer.Task.WaitAsync(cancellationToken);
    }

    /// <summary>The next poll the receiver made (waits for it).</summary>
    public async Task<Poll> NextAsync() => await _polls.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    public sealed record Poll(EventGetRequest Request, DateTimeOffset GoAloneAt)
    {
        public TaskCompletionSource<EventGetResult> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
