using System.Text.Json.Nodes;
using ChatBotHost.Abstractions.Rest;
using ChatBotHost.Abstractions.Turns;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Requests.Batch;
using ChatBotHost.Bitrix.Requests.Messages;
using ChatBotHost.Bitrix.Requests.Raw;
using ChatBotHost.Hosting;
using ChatBotHost.Pipeline;
using ChatBotHost.Registration;
using ChatBotHost.State;
using ChatBotHost.State.Redis;
using ChatBotHost.Tests.Pipeline;
using ChatBotHost.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBotHost.Tests.Rest;

/// <summary>turn.Rest through the real pipeline: a turn that runs again does not repeat an effect it already had.</summary>
[Collection(RedisCollection.Name)]
public sealed class RestTurnTests(RedisFixture redis)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ProcessAsync_TurnFailedAfterAddingALead_RedeliveryDoesNotAddItAgain(bool onRedis)
    {
        var portal = new CrmPortal();
        var runs = 0;
        var bot = PipelineHarness.Bot(b => b.OnMessage(async (_, turn, ct) =>
        {
            var lead = await turn.Rest.CallAsync<int>("crm.lead.add", new { fields = new { TITLE = "Printer" } }, ct);
            await turn.Rest.CallAsync("crm.lead.get", new { id = lead }, ct);
            await turn.ReplyAsync($"lead {lead}", ct);
            if (++runs == 1)
            {
                throw new InvalidOperationException("the turn fails after adding the lead");
            }
        }));
        using var connection = new RedisConnection(redis.Server.ConfigurationString);
        await using var harness = new PipelineHarness(s =>
        {
            s.AddSingleton<IBotClientSource>(portal);
            if (onRedis)
            {
                s.AddSingleton<ISentLedger>(new RedisSentLedger(connection, new RedisKeys()));
            }
        });
        var evt = TestEvents.Message("new lead");

        Assert.Equal(TurnOutcome.Failed, await harness.ProcessAsync(bot, evt));
        Assert.Equal(TurnOutcome.Handled, await harness.ProcessAsync(bot, evt));

        Assert.Equal(1, portal.Count("crm.lead.add"));
        Assert.Equal(2, portal.Count("crm.lead.get")); // reads are not keyed: the second run reads again
        Assert.Equal(["lead 1"], portal.Texts);
    }

    [Fact]
    public async Task ProcessAsync_TurnWithABatchRunTwice_SendsTheBatchOnce()
    {
        var portal = new CrmPortal();
        var runs = 0;
        var bot = PipelineHarness.Bot(b => b.OnMessage(async (_, turn, ct) =>
        {
            var result = await turn.Rest.BatchAsync(new RestBatch().Add("a", "crm.lead.add", null).Add("b", "crm.lead.add", null), ct);
            await turn.ReplyAsync($"leads {result.GetResult<int>("a")} {result.GetResult<int>("b")}", ct);
            if (++runs == 1)
            {
                throw new InvalidOperationException("fails once");
            }
        }));
        await using var harness = new PipelineHarness(s => s.AddSingleton<IBotClientSource>(portal));
        var evt = TestEvents.Message("two leads");

        await harness.ProcessAsync(bot, evt);
        await harness.ProcessAsync(bot, evt);

        Assert.Equal(1, portal.Count("batch"));
        Assert.Equal(["leads 1 2"], portal.Texts);
    }

    /// <summary>Answers crm.lead.add with ascending ids (plainly and in batches), crm.lead.get, and messages.</summary>
    private sealed class CrmPortal : IBotClientSource, IBitrixClient
    {
        private readonly Lock _gate = new();
        private readonly List<string> _methods = [];
        private int _nextLead;

        public List<string> Texts { get; } = [];

        public int Count(string method)
        {
            lock (_gate)
            {
                return _methods.Count(m => m == method);
            }
        }

        public IBitrixClient For(HostedBot bot) => this;

        public Task<TResult> CallAsync<TResult>(BitrixRequest<TResult> request, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                _methods.Add(request.Method);
                object? result = request switch
                {
                    RawRequest { Method: "crm.lead.add" } => JsonValue.Create(++_nextLead),
                    RawRequest => new JsonObject { ["ID"] = "1" },
                    BatchRequest batch => new BatchResult { Results = batch.Ids.ToDictionary(id => id, _ => (JsonNode?)JsonValue.Create(++_nextLead)) },
                    ChatMessageSendRequest send => Reply(send),
                    _ => throw new NotSupportedException(request.Method),
                };
                return Task.FromResult((TResult)result!);
            }
        }

        private ChatMessageSendResult Reply(ChatMessageSendRequest send)
        {
            Texts.Add(send.Fields.Message!);
            return new ChatMessageSendResult { Id = 500 + Texts.Count };
        }
    }
}
