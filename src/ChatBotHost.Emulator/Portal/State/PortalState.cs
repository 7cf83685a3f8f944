using ChatBotHost.Emulator.Delivery;
using ChatBotHost.Emulator.Observation;

namespace ChatBotHost.Emulator.Portal.State;

/// <summary>
/// Everything the portal knows. One lock (<see cref="Gate"/>) guards all of it: REST methods and user
/// actions take it for their whole read-validate-mutate step, so each is atomic like a PHP request.
/// </summary>
internal sealed class PortalState(PortalSettings settings, WebhookLaneContext lanes)
{
    private int _nextUserId = settings.AdminUserId + 1;
    private int _nextChatId = 1;
    private int _nextMessageId = 1;
    private int _nextFileId = 5001;
    private int _nextCommandId = 1;
    private int _nextTaskId = 1;
    private int _nextLeadId = 1;
    private int _nextNotificationId = 1;

    public Lock Gate { get; } = new();

    public PortalSettings Settings { get; } = settings;

    /// <summary>What new bots' webhook lanes share.</summary>
    public WebhookLaneContext Lanes { get; } = lanes;

    /// <summary>The OAuth application's installation; set once at start.</summary>
    public OAuth.AppInstallation? App { get; set; }

    /// <summary>The owner key of the application's bots (compared like a botToken).</summary>
    public string? AppOwner { get; set; }

    public Dictionary<int, EmulatedUser> Users { get; } = [];

    public SortedDictionary<int, BotState> Bots { get; } = [];

    public SortedDictionary<int, ChatState> Chats { get; } = [];

    public SortedDictionary<int, EmulatedMessage> Messages { get; } = [];

    public SortedDictionary<int, EmulatedCommand> Commands { get; } = [];

    public List<EmulatedReaction> Reactions { get; } = [];

    /// <summary>The ONIMV2* events recorded for each user subscribed with im.v2.Event.subscribe.</summary>
    public Dictionary<int, Delivery.FetchQueue> UserEventQueues { get; } = [];

    /// <summary>Files by Drive id.</summary>
    public Dictionary<int, EmulatedFile> Files { get; } = [];

    /// <summary>One-time download tokens (File.download) and the file each opens.</summary>
    public Dictionary<string, int> DownloadTokens { get; } = new(StringComparer.Ordinal);

    /// <summary>tasks.task.* (non-imbot methods a bot may call).</summary>
    public SortedDictionary<int, EmulatedTask> Tasks { get; } = [];

    /// <summary>crm.lead.*; each lead's fields as stored (scalars as strings).</summary>
    public SortedDictionary<int, EmulatedLead> Leads { get; } = [];

    /// <summary>im.notify.*: every user's notifications.</summary>
    public SortedDictionary<int, EmulatedNotification> Notifications { get; } = [];

    /// <summary>Fed with every new or changed message, for WaitForBotMessageAsync.</summary>
    public Waiters<EmulatedMessage> MessageWaiters { get; } = new();

    /// <summary>What the chat page's panel shows: REST calls, events handed to bots, typing notices (masked).</summary>
    public ActivityFeed Activity { get; } = new();

    /// <summary>
    /// Told, under <see cref="Gate"/>, whenever an event is queued for a poller: the bot's id, or null for a user event
    /// (read by whoever polls with withUserEvents). Set only when a host runs this emulator in its own process.
    /// </summary>
    public Action<int?>? FetchEventQueued { get; set; }

    /// <summary>The eventId the next queued event gets; one counter for all bots.</summary>
    public long NextEventId { get; set; } = 1001;

    public DateTimeOffset Now => Settings.TimeProvider.GetLocalNow();

    public int TakeUserId() => _nextUserId++;

    public int TakeChatId() => _nextChatId++;

    public int TakeMessageId() => _nextMessageId++;

    public int TakeFileId() => _nextFileId++;

    public int TakeCommandId() => _nextCommandId++;

    public int TakeTaskId() => _nextTaskId++;

    public int TakeLeadId() => _nextLeadId++;

    public int TakeNotificationId() => _nextNotificationId++;

    public EmulatedUser? FindUser(int id) => Users.GetValueOrDefault(id);

    public BotState? FindBot(int id) => Bots.GetValueOrDefault(id);

    public BotState? FindBot(string code) =>
        Bots.Values.FirstOrDefault(b => string.Equals(b.Code, code, StringComparison.Ordinal));

    public ChatState? FindChat(int id) => Chats.GetValueOrDefault(id);

    public EmulatedMessage? FindMessage(int id) => Messages.GetValueOrDefault(id);

    public IReadOnlyList<EmulatedCommand> CommandsOf(int botId) => [.. Commands.Values.Where(c => c.BotId == botId)];

    public ChatState? FindPrivateChat(int userId, int botId) =>
        Chats.Values.FirstOrDefault(c => c.IsPrivate && c.PrivateUserId == userId && c.PrivateBotId == botId);

    public ChatState CreatePrivateChat(int userId, int botId)
    {
        var chat = new ChatState(TakeChatId(), isPrivate: true, "", botId, Now)
        {
            PrivateUserId = userId,
            PrivateBotId = botId,
        };
        chat.AddMember(userId);
        chat.AddMember(botId);
        Chats.Add(chat.Id, chat);
        return chat;
    }

    public ChatState CreateGroupChat(string title, int ownerId, IEnumerable<int> memberIds)
    {
        var chat = new ChatState(TakeChatId(), isPrivate: false, title, ownerId, Now);
        chat.AddMember(ownerId);
        foreach (var id in memberIds.Where(Users.ContainsKey))
        {
            chat.AddMember(id);
        }

        Chats.Add(chat.Id, chat);
        return chat;
    }

    public void Store(EmulatedMessage message)
    {
        Messages[message.Id] = message;
        MessageWaiters.Notify(message);
    }

    public void Touch(int userId)
    {
        if (Users.TryGetValue(userId, out var user) && !user.IsBot)
        {
            Users[userId] = user with { LastActivityDate = Now };
        }
    }
}
