using ChatBotHost.State;
using ChatBotHost.State.InMemory;

namespace ChatBotHost.Tests.State;

public sealed class InMemoryPortalStoreTests : PortalStoreContract
{
    protected override Task<IPortalStore> CreateAsync() => Task.FromResult<IPortalStore>(new InMemoryPortalStore());
}
