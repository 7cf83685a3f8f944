using ChatBotHost.Hosting;
using ChatBotHost.Registration;
using ChatBotHost.State;
using ChatBotHost.State.Redis;
using ChatBotHost.Tests.Pipeline;
using ChatBotHost.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotHost.Tests.Registration;

/// <summary>
/// Two replicas (each its own Redis connection, store and copy of the bot) sharing one real Redis: the first
/// application_token stored wins on both, whatever their copies of the registration say.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class ApplicationTokenCheckTests(RedisFixture redis) : IDisposable
{
    private readonly RedisConnection _replicaA = new(redis.Server.ConfigurationString);
    private readonly RedisConnection _replicaB = new(redis.Server.ConfigurationString);
    private readonly string _code = "bot" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task AcceptsAsync_TwoReplicasRaceWithDifferentFirstTokens_ExactlyOneWinsEverywhere()
    {
        for (var round = 0; round < 20; round++)
        {
            var (a, b) = await TwoReplicasAsync($"{_code}-{round}");

            var accepted = await Task.WhenAll(
                Task.Run(() => a.Check.AcceptsAsync(a.Bot, "token-a", CancellationToken.None)),
                Task.Run(() => b.Check.AcceptsAsync(b.Bot, "token-b", CancellationToken.None)));

            Assert.Single(accepted, ok => ok);
            var winner = accepted[0] ? "token-a" : "token-b";
            var loser = accepted[0] ? "token-b" : "token-a";
            foreach (var replica in new[] { a, b })
            {
                Assert.True(await replica.Check.AcceptsAsync(replica.Bot, winner, CancellationToken.None));
                Assert.False(await replica.Check.AcceptsAsync(replica.Bot, loser, CancellationToken.None));
                Assert.False(await replica.Check.AcceptsAsync(replica.Bot, null, CancellationToken.None));
            }
        }
    }

    [Fact]
    public async Task AcceptsAsync_ReplicaWithAStaleRegistration_AsksTheStoreAndRefusesAnotherToken()
    {
        var (a, b) = await TwoReplicasAsync(_code);
        Assert.True(await a.Check.AcceptsAsync(a.Bot, "genuine", CancellationToken.None));

        // Replica B still holds the registration it loaded before A learned the token.
        Assert.Null(b.Bot.Registration!.ApplicationToken);

        Assert.False(await b.Check.AcceptsAsync(b.Bot, "forged", CancellationToken.None));
        Assert.Equal("genuine", b.Bot.Registration!.ApplicationToken);
        Assert.True(await b.Check.AcceptsAsync(b.Bot, "genuine", CancellationToken.None));
    }

    [Fact]
    public async Task AcceptsAsync_NoTokenPresentedBeforeAnyIsLearned_AcceptedOnTheSecretAlone()
    {
        var (a, _) = await TwoReplicasAsync(_code);

        Assert.True(await a.Check.AcceptsAsync(a.Bot, null, CancellationToken.None));
        Assert.Null((await Store(_replicaA).GetAsync(a.Bot.Portal.Key, _code, CancellationToken.None))!.ApplicationToken);
    }

    [Fact]
    public async Task AcceptsAsync_BotRegisteredAgainWithAnotherId_LearnsNothingForTheStaleOne()
    {
        var (a, _) = await TwoReplicasAsync(_code);
        await Store(_replicaB).SaveAsync(a.Bot.Portal.Key, _code, new BotRegistration { BotId = 99, WebhookSecret = "s" }, CancellationToken.None);

        Assert.False(await a.Check.AcceptsAsync(a.Bot, "token", CancellationToken.None));
        Assert.Null((await Store(_replicaB).GetAsync(a.Bot.Portal.Key, _code, CancellationToken.None))!.ApplicationToken);
    }

    public void Dispose()
    {
        _replicaA.Dispose();
        _replicaB.Dispose();
    }

    private async Task<(Replica A, Replica B)> TwoReplicasAsync(string code)
    {
        var a = new Replica(PipelineHarness.Bot(_ => { }, code), new ApplicationTokenCheck(Store(_replicaA), NullLogger<ApplicationTokenCheck>.Instance));
        var b = new Replica(PipelineHarness.Bot(_ => { }, code), new ApplicationTokenCheck(Store(_replicaB), NullLogger<ApplicationTokenCheck>.Instance));

        // Registered (by either replica) before any delivery: stored without a token, and both hold that copy.
        await Store(_replicaA).SaveAsync(a.Bot.Portal.Key, code, a.Bot.Registration!, CancellationToken.None);
        return (a, b);
    }

    private static RedisBotRegistrationStore Store(RedisConnection connection) => new(connection, new RedisKeys("cbh-test"));

    private sealed record Replica(HostedBot Bot, ApplicationTokenCheck Check);
}
