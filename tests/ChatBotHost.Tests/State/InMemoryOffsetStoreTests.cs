using ChatBotHost.State;
using ChatBotHost.State.InMemory;

namespace ChatBotHost.Tests.State;

public sealed class InMemoryOffsetStoreTests : OffsetStoreContract
{
    protected override Task<IOffsetStore> CreateAsync() => Task.FromResult<IOffsetStore>(new InMemoryOffsetStore());
}
