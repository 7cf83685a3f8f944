using ChatBotHost.Emulator.Portal;

namespace ChatBotHost.Emulator.Chat;

/// <summary>
/// The page's group chat with every registered bot: made on first look, and bots registered later are added (each
/// joining bot gets JOINCHAT, as when a user adds a bot to a chat).
/// </summary>
#pragma warning disable CA1001 // the semaphore's wait handle is never created, so there is nothing to dispose; it lives as long as the endpoints
internal sealed class PageGroupChat(EmulatedPortal portal)
#pragma warning restore CA1001
{
    public const string Title = "All bots";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int? _chatId;

    public async Task EnsureAsync()
    {
        var bots = portal.Bots;
        if (bots.Count == 0)
        {
            return; // an empty group would only confuse; the bots register a moment after start
        }

        await _gate.WaitAsync();
        try
        {
            _chatId ??= portal.CreateGroupChat(Title, portal.AdminUserId);
            var chat = portal.FindChat(_chatId.Value) ?? throw new InvalidOperationException($"Chat {_chatId} vanished.");
            foreach (var bot in bots.Where(b => !chat.MemberIds.Contains(b.Id)))
            {
                await portal.AddBotToChatAsync(chat.Id, bot.Id, portal.AdminUserId);
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
