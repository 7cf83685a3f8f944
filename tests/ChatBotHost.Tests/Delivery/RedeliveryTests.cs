using ChatBotHost.Abstractions.Turns;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Requests.Messages;
using ChatBotHost.Hosting;
using ChatBotHost.Pipeline;
using ChatBotHost.Registration;
using ChatBotHost.Tests.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBotHost.Tests.Delivery;

/// <summary>A turn that runs again after a redelivery sends nothing it already sent, through the real pipeline.</summary>
public sealed class RedeliveryTests
{
    [Fact]
    public async Task ProcessAsync_TurnFailedAfterReplying_RedeliveryRunsItAgainWithoutRepeatingTheReplies()
    {
        var portal = new CountingPortal();
        var runs = 0;
        var ids = new List<int>();
        var bot = PipelineHarness.Bot(b => b.OnMessage(async (_, turn, ct) =>
        {
            ids.Add(await turn.ReplyAsync("one", ct));
            await turn.ShowTypingAsync(ct);
            ids.Add(await turn.ReplyAsync("two", ct));
            if (++runs == 1)
            {
                throw new InvalidOperationException("the turn fails after replying");
            }
        }));
        await using var harness = new PipelineHarness(s => s.AddSingleton<IBotClientSource>(portal));
        var evt = TestEvents.Message("hi");

        Assert.Equal(TurnOutcome.Failed, await harness.ProcessAsync(bot, evt));
        Assert.Equal(TurnOutcome.Handled, await harness.ProcessAsync(bot, evt));

        Assert.Equal(["one", "two"], portal.Texts);
        Assert.Equal(2, portal.TypingCalls);
        Assert.Equal(ids[..2], ids[2..]);
    }

    [Fact]
    public async Task ProcessAsync_TwoEventsWithTheSameReply_SendBoth()
    {
        var portal = new CountingPortal();
        var bot = PipelineHarness.Bot(b => b.OnMessage((_, turn, ct) => turn.ReplyAsync("same", ct)));
        await using var harness = new PipelineHarness(s => s.AddSingleton<IBotClientSource>(portal));

        await harness.ProcessAsync(bot, TestEvents.Message("a"));
        await harness.ProcessAsync(bot, TestEvents.Message("b"));

        Assert.Equal(["same", "same"], portal.Texts);
    }

    private sealed class CountingPortal : IBotClientSource, IBitrixClient
    {
        private readonly Lock _gate = new();
        private int _nextId = 500;

        public List<string> Texts { get; } = [];

        public int TypingCalls { get; private set; }

        public IBitrixClient For(HostedBot bot) => this;

        public Task<TResult> CallAsync<TResult>(BitrixRequest<TResult> request, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                if (request is ChatMessageSendRequest send)
                {
                    Texts.Add(send.Fields.Message!);
                    return Task.FromResult((TResult)(object)new ChatMessageSendResult { Id = ++_nextId });
                }

                TypingCalls++;
                return Task.FromResult(default(TResult)!);
            }
        }
    }
}
