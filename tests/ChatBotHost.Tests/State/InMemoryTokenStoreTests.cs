using ChatBotHost.State;
using ChatBotHost.State.InMemory;

namespace ChatBotHost.Tests.State;

public sealed class InMemoryTokenStoreTests : TokenStoreContract
{
    protected override Task<ITokenStore> CreateAsync() => Task.FromResult<ITokenStore>(new InMemoryTokenStore());
}
