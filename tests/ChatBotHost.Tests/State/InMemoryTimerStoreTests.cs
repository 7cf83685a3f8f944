using ChatBotHost.State;
using ChatBotHost.State.InMemory;

namespace ChatBotHost.Tests.State;

public sealed class InMemoryTimerStoreTests : TimerStoreContract
{
    private readonly InMemoryTimerStore _store = new();

    protected override Task<ITimerStore> CreateAsync() => Task.FromResult<ITimerStore>(_store);
}
