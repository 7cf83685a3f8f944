using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Delivery;
using ChatBotHost.Emulator.Faults;
using ChatBotHost.Emulator.Limits;
using ChatBotHost.Emulator.OAuth;
using ChatBotHost.Emulator.Observation;
using ChatBotHost.Emulator.Portal.State;

namespace ChatBotHost.Emulator.Portal;

/// <summary>
/// The emulated portal: its users, chats, messages and bots, the actions a human user can take, and what tests
/// observe. Thread-safe. User actions return once the resulting events are queued (fetch) or POSTed (webhook).
/// </summary>
public sealed class EmulatedPortal
{
    private const int LogCapacity = 10_000;
    private readonly UserMessaging _messaging;
    private readonly UserInteractions _interactions;
    private readonly MessageObservation _messages;

    internal EmulatedPortal(EmulatorOptions options, IWebhookTransport transport, CancellationToken stopping)
    {
        Deliveries = new ObservedLog<WebhookDelivery>(LogCapacity);
        var settings = new PortalSettings(options.AdminUserId, options.Language, options.TimeProvider);
        State = new PortalState(settings, new WebhookLaneContext(transport, Deliveries, options.TimeProvider, stopping));
        State.Users.Add(options.AdminUserId, new EmulatedUser(options.AdminUserId, "John", "Smith", IsBot: false)
        {
            WorkPosition = "Developer",
            LastActivityDate = State.Now,
        });
        _messaging = new UserMessaging(State);
        _interactions = new UserInteractions(State);
        _messages = new MessageObservation(State);
        CallGate = new CallGate(stopping);
        Limits = new PortalLimits(options.RateLimit, options.TimeProvider);
        Stopping = stopping;
        OAuth = new PortalOAuth(options.OAuthServer ?? new OAuthServer(), State, transport, options.MethodsRequiringConfirmation, stopping);
        State.App = OAuth.Installation;
        State.AppOwner = OAuth.Owner;
    }

    /// <summary>The OAuth application: install, token expiry, uninstall.</summary>
    public PortalOAuth OAuth { get; }

    public int AdminUserId => State.Settings.AdminUserId;

    internal PortalState State { get; }

    internal ObservedLog<RecordedCall> CallLog { get; } = new(LogCapacity);

    internal ObservedLog<WebhookDelivery> Deliveries { get; }

    internal CallGate CallGate { get; }

    internal ObservedLog<InjectedFault> FaultLog { get; } = new(LogCapacity);

    /// <summary>Cancelled when the emulator stops: nothing may wait on it any longer.</summary>
    internal CancellationToken Stopping { get; }

    /// <summary>The request-rate and operation-time limits (spec §2.4) and the request counters.</summary>
    public PortalLimits Limits { get; }

    /// <summary>Faults to inject into REST requests, armed and cleared at runtime.</summary>
    public PortalFaults Faults { get; } = new();

    /// <summary>
    /// Tells a host running this emulator in its own process that an event waits for a poller: the bot's id, or null
    /// for a user event (read by whoever polls with withUserEvents). Its pollers can then ask at once and poll seldom
    /// otherwise; Bitrix24 has no such signal. Called under the portal's lock: keep it short, never call the portal.
    /// </summary>
    public void OnFetchEventQueued(Action<int?> queued)
    {
        lock (State.Gate)
        {
            State.FetchEventQueued += queued;
        }
    }

    public IReadOnlyList<EmulatedUser> Users => Read(() => State.Users.Values.OrderBy(u => u.Id).ToList());

    public IReadOnlyList<EmulatedChat> Chats => Read(() => State.Chats.Values.Select(c => c.Snapshot()).ToList());

    public IReadOnlyList<EmulatedBot> Bots =>
        Read(() => State.Bots.Values.Select(b => b.Snapshot(State.CommandsOf(b.Id))).ToList());

    /// <summary>Every REST call answered (or dropped while held), oldest first; no parameters, no secrets.</summary>
    public IReadOnlyList<RecordedCall> Calls => CallLog.Snapshot();

    /// <summary>Every fault injected into a REST request, oldest first.</summary>
    public IReadOnlyList<InjectedFault> InjectedFaults => FaultLog.Snapshot();

    /// <summary>Every webhook POST attempted, oldest first.</summary>
    public IReadOnlyList<WebhookDelivery> WebhookDeliveries => Deliveries.Snapshot();

    public EmulatedUser AddUser(string firstName, string lastName)
    {
        lock (State.Gate)
        {
            var user = new EmulatedUser(State.TakeUserId(), firstName, lastName, IsBot: false) { LastActivityDate = State.Now };
            State.Users.Add(user.Id, user);
            return user;
        }
    }

    public EmulatedUser? FindUser(int userId) => Read(() => State.FindUser(userId));

    public EmulatedChat? FindChat(int chatId) => Read(() => State.FindChat(chatId)?.Snapshot());

    public EmulatedBot? FindBot(string code) => Read(() => State.FindBot(code) is { } b ? b.Snapshot(State.CommandsOf(b.Id)) : null);

    public EmulatedBot? FindBot(int botId) => Read(() => State.FindBot(botId) is { } b ? b.Snapshot(State.CommandsOf(b.Id)) : null);

    /// <summary>Creates a group chat (no events: no bot is in it yet); returns its chat id.</summary>
    public int CreateGroupChat(string title, int ownerUserId, params int[] memberUserIds)
    {
        lock (State.Gate)
        {
            Require.Human(State, ownerUserId);
            return State.CreateGroupChat(title, ownerUserId, memberUserIds).Id;
        }
    }

    /// <summary>A member adds a bot to a group chat → ONIMBOTV2JOINCHAT for that bot.</summary>
    public Task AddBotToChatAsync(int chatId, int botId, int addedByUserId) =>
        _interactions.AddBotToChatAsync(chatId, botId, addedByUserId);

    /// <summary>The user opens the 1:1 dialog with a bot → ONIMBOTV2JOINCHAT with dialogId = the user's id.</summary>
    public Task OpenPrivateChatAsync(int userId, int botId) => _interactions.OpenPrivateChatAsync(userId, botId);

    /// <summary>The user writes into a dialog (a bot's id for the 1:1, or "chat{N}"); returns the message id.</summary>
    public Task<int> SendUserMessageAsync(int userId, string dialogId, string text) =>
        _messaging.SendAsync(userId, dialogId, text);

    /// <summary>A user sends a file (with an optional text) into a dialog, as the messenger's paper clip does; returns the message id.</summary>
    public Task<int> SendUserFileAsync(int userId, string dialogId, string name, byte[] content, string text = "") =>
        _messaging.SendAsync(userId, dialogId, text, (name, content));

    /// <summary>The files stored on the portal, by id.</summary>
    public EmulatedFile? FindFile(int fileId) => Read(() => State.Files.GetValueOrDefault(fileId));

    public Task EditUserMessageAsync(int userId, int messageId, string text) =>
        _messaging.EditAsync(userId, messageId, text);

    public Task DeleteUserMessageAsync(int userId, int messageId) => _messaging.DeleteAsync(userId, messageId);

    /// <summary>Sets or removes a reaction; the bot that wrote the message gets ONIMBOTV2REACTIONCHANGE.</summary>
    public Task ReactAsync(int userId, int messageId, string reaction, bool add) =>
        _interactions.ReactAsync(userId, messageId, reaction, add);

    /// <summary>Presses a COMMAND button of a bot's keyboard → ONIMBOTV2COMMANDADD with context "keyboard".</summary>
    public Task PressButtonAsync(int userId, int messageId, string command, string? commandParams) =>
        _interactions.PressButtonAsync(userId, messageId, command, commandParams);

    /// <summary>The user follows a BOT_CONTEXT link → ONIMBOTV2CONTEXTGET with dialogId = the user's id.</summary>
    public Task SendContextAsync(int userId, int botId, JsonObject context) =>
        _interactions.SendContextAsync(userId, botId, context);

    public Task UnregisterBotAsync(string code)
    {
        lock (State.Gate)
        {
            var bot = State.FindBot(code) ?? throw new ArgumentException($"Bot '{code}' is not registered.", nameof(code));
            return BotRemoval.Remove(State, bot);
        }
    }

    /// <summary>All messages (users' and bots'), oldest first; filtered by dialog id as users see it when given.</summary>
    public IReadOnlyList<EmulatedMessage> GetMessages(string? dialogIdFilterOrNull) => _messages.Get(dialogIdFilterOrNull);

    /// <summary>The messages of one user's dialog (their 1:1 with a bot id, or "chat{N}").</summary>
    public IReadOnlyList<EmulatedMessage> GetMessages(int userId, string dialogId) => _messages.Get(userId, dialogId);

    public IReadOnlyList<EmulatedReaction> GetReactions(int messageId) => _messages.Reactions(messageId);

    /// <summary>Waits for a message posted by a bot (new or updated) that matches; fails with recent messages listed.</summary>
    public Task<EmulatedMessage> WaitForBotMessageAsync(
        Func<EmulatedMessage, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken) =>
        _messages.WaitForBotMessageAsync(predicate, timeout, cancellationToken);

    /// <summary>Tasks created with tasks.task.add, oldest first.</summary>
    public IReadOnlyList<EmulatedTask> GetTasks() => Read(() => State.Tasks.Values.ToList());

    /// <summary>Leads created with crm.lead.add, oldest first.</summary>
    public IReadOnlyList<EmulatedLead> GetLeads() => Read(() => State.Leads.Values.ToList());

    /// <summary>Every user's notifications (im.notify.*, and confirm notifications added here), oldest first.</summary>
    public IReadOnlyList<EmulatedNotification> GetNotifications() => Read(() => State.Notifications.Values.ToList());

    /// <summary>
    /// The portal sends <paramref name="userId"/> a notification with buttons (as an invitation does), which that user's
    /// credentials answer with im.notify.confirm(ID, NOTIFY_VALUE = a button's value).
    /// </summary>
    public EmulatedNotification AddConfirmNotification(int userId, string message, params NotificationButton[] buttons)
    {
        ArgumentOutOfRangeException.ThrowIfZero(buttons.Length);
        lock (State.Gate)
        {
            Require.Human(State, userId);
            var notification = new EmulatedNotification(State.TakeNotificationId(), userId, 0, NotificationKind.Confirm, message, State.Now)
            {
                Buttons = [.. buttons],
            };
            State.Notifications.Add(notification.Id, notification);
            return notification;
        }
    }

    /// <summary>From now on an application's call of <paramref name="method"/> needs the administrator's confirmation, per access token.</summary>
    public void RequireConfirmation(string method) => OAuth.Confirmations.Require(method);

    /// <summary>Every confirmation request the application's calls made, oldest first, pending or decided.</summary>
    public IReadOnlyList<MethodConfirmation> Confirmations => OAuth.Confirmations.Snapshot();

    /// <summary>
    /// The administrator allows or denies a pending request (as on the chat page): the decision holds for the access
    /// token that asked, and ONAPPMETHODCONFIRM is POSTed to the application's bound handler. Returns the handler's HTTP
    /// status, or null when the application bound none.
    /// </summary>
    public Task<int?> DecideConfirmationAsync(int requestId, bool allow, CancellationToken cancellationToken = default) =>
        OAuth.DecideAsync(requestId, allow, cancellationToken);

    /// <summary>While the handle lives, requests for <paramref name="method"/> (also inside a batch) wait unanswered.</summary>
    public IDisposable HoldCalls(string method) => CallGate.Hold(method);

    /// <summary>Lets the next <paramref name="letThrough"/> calls of <paramref name="method"/> pass, then holds the rest.</summary>
    public IDisposable HoldCalls(string method, int letThrough) => CallGate.Hold(method, letThrough);

    public Task WaitForHeldCallAsync(string method, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        CallGate.WaitForHeldAsync(method, timeout, cancellationToken);

    public Task<RecordedCall> WaitForCallAsync(Func<RecordedCall, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken) =>
        CallLog.WaitAsync(predicate, timeout, "REST call", cancellationToken);

    public Task<InjectedFault> WaitForFaultAsync(Func<InjectedFault, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken) =>
        FaultLog.WaitAsync(predicate, timeout, "injected fault", cancellationToken);

    public Task<WebhookDelivery> WaitForDeliveryAsync(Func<WebhookDelivery, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken) =>
        Deliveries.WaitAsync(predicate, timeout, "webhook delivery", cancellationToken);

    private T Read<T>(Func<T> read)
    {
        lock (State.Gate)
        {
            return read();
        }
    }
}
