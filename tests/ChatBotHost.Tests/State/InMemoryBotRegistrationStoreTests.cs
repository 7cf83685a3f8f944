using ChatBotHost.State;
using ChatBotHost.State.InMemory;

namespace ChatBotHost.Tests.State;

public sealed class InMemoryBotRegistrationStoreTests : BotRegistrationStoreContract
{
    protected override Task<IBotRegistrationStore> CreateAsync() =>
        Task.FromResult<IBotRegistrationStore>(new InMemoryBotRegistrationStore());
}
