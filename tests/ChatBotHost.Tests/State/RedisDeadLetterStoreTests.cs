using ChatBotHost.State;
using ChatBotHost.State.Redis;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.Tests.State;

[Collection(RedisCollection.Name)]
public sealed class RedisDeadLetterStoreTests(RedisFixture redis) : DeadLetterStoreContract, IDisposable
{
    private readonly RedisConnection _connection = new(redis.Server.ConfigurationString);
    private readonly RedisKeys _keys = new();

    protected override Task<IDeadLetterStore> CreateAsync() =>
        Task.FromResult<IDeadLetterStore>(new RedisDeadLetterStore(_connection, _keys, Capacity));

    [Fact]
    public async Task AddAsync_PastCapacity_TrimsTheListAndTheEntriesAlike()
    {
        var store = await CreateAsync();

        for (var i = 0; i < Capacity + 4; i++)
        {
            await store.AddAsync(new DeadLetter
            {
                Portal = Portal, BotCode = "echo", Kind = DeadLetter.Kinds.Call, Reason = "r", At = DateTimeOffset.UnixEpoch, Payload = "{}",
            }, CancellationToken.None);
        }

        var database = await _connection.GetDatabaseAsync(CancellationToken.None);
        Assert.Equal(Capacity, await database.ListLengthAsync($"cbh:{{deadletters:{Portal}}}:list"));
        Assert.Equal(Capacity, await database.HashLengthAsync($"cbh:{{deadletters:{Portal}}}:entries"));
    }

    public void Dispose() => _connection.Dispose();
}
