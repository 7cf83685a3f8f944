using ChatBotHost.State;
using ChatBotHost.State.InMemory;

namespace ChatBotHost.Tests.State;

public sealed class InMemoryDeadLetterStoreTests : DeadLetterStoreContract
{
    protected override Task<IDeadLetterStore> CreateAsync() => Task.FromResult<IDeadLetterStore>(new InMemoryDeadLetterStore(Capacity));
}
