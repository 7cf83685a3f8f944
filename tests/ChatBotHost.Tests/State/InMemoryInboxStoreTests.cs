using ChatBotHost.State;
using ChatBotHost.State.InMemory;

namespace ChatBotHost.Tests.State;

public sealed class InMemoryInboxStoreTests : InboxStoreContract
{
    private readonly InMemoryInboxStore _store = new();

    protected override Task<IInboxStore> CreateAsync() => Task.FromResult<IInboxStore>(_store);
}
