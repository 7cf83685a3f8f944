using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Delivery;
using ChatBotHost.Emulator.Portal.State;
using ChatBotHost.Emulator.Shaping;

namespace ChatBotHost.Emulator.Portal;

/// <summary>A human user's actions other than writing: adding bots, opening dialogs, reacting, pressing buttons, following context links.</summary>
internal sealed class UserInteractions(PortalState state)
{
    public Task AddBotToChatAsync(int chatId, int botId, int addedByUserId)
    {
        var deliveries = new List<Task>();
        lock (state.Gate)
        {
            var chat = Require.Chat(state, chatId);
            if (chat.IsPrivate)
            {
                throw new InvalidOperationException($"Chat {chatId} is private; bots join group chats only.");
            }

            var user = Require.Human(state, addedByUserId);
            Require.Member(chat, user.Id);
            var bot = Require.Bot(state, botId);
            chat.AddMember(bot.Id);
            var data = EventData.Joined(chat, user, state.Settings.Language);
            deliveries.Add(EventPublisher.Publish(state, bot, EventTypes.JoinChat, data));
        }

        return Task.WhenAll(deliveries);
    }

    public Task OpenPrivateChatAsync(int userId, int botId)
    {
        var deliveries = new List<Task>();
        lock (state.Gate)
        {
            UserDialogs.OpenPrivate(state, Require.Human(state, userId), Require.Bot(state, botId), deliveries);
        }

        return Task.WhenAll(deliveries);
    }

    public Task ReactAsync(int userId, int messageId, string reaction, bool add)
    {
        var deliveries = new List<Task>();
        lock (state.Gate)
        {
            var user = Require.Human(state, userId);
            var message = Require.Message(state, messageId);
            var chat = Require.Chat(state, message.ChatId);
            Require.Member(chat, userId);
            var existing = state.Reactions.Find(r => r.MessageId == messageId && r.UserId == userId
                && string.Equals(r.Reaction, reaction, StringComparison.Ordinal));
            if (add == existing is not null)
            {
                return Task.CompletedTask; // nothing changes, so nothing is announced
            }

            if (add)
            {
                state.Reactions.Add(new EmulatedReaction(messageId, userId, reaction));
            }
            else
            {
                state.Reactions.Remove(existing!);
            }

            if (message.PostedByBotId is int botId && state.FindBot(botId) is { IsReactionsEnabled: true } bot)
            {
                var data = EventData.Reaction(reaction, add, message, chat, user, state.Settings.Language);
                deliveries.Add(EventPublisher.Publish(state, bot, EventTypes.ReactionChange, data));
            }

            UserEventPublisher.Publish(
                state, chat, UserEventTypes.ReactionChange, EventData.Reaction(reaction, add, message, chat, user, state.Settings.Language));
        }

        return Task.WhenAll(deliveries);
    }

    public Task PressButtonAsync(int userId, int messageId, string command, string? commandParams)
    {
        var deliveries = new List<Task>();
        lock (state.Gate)
        {
            var user = Require.Human(state, userId);
            var message = Require.Message(state, messageId);
            var chat = Require.Chat(state, message.ChatId);
            Require.Member(chat, userId);
            var name = command.TrimStart('/');
            if (message.PostedByBotId is not int botId || !KeyboardHasCommand(message.Keyboard, name))
            {
                throw new InvalidOperationException($"Message {messageId} has no button with command '{name}'.");
            }

            var pressed = KeyboardButtons.Find(message.Keyboard, name, commandParams ?? "", message.PressedButtons);
            if (pressed is null)
            {
                throw new InvalidOperationException($"The button with command '{name}' of message {messageId} is blocked: it was pressed already.");
            }

            var bot = Require.Bot(state, botId);
            var registered = state.CommandsOf(bot.Id)
                .FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new InvalidOperationException($"Bot {bot.Id} has no registered command '/{name}'.");
            var data = EventData.Command(registered, commandParams ?? "", "keyboard", message, chat, user, state.Settings.Language);
            deliveries.Add(EventPublisher.Publish(state, bot, EventTypes.CommandAdd, data));
            if (pressed is { Blocks: true, Index: var index })
            {
                state.Store(message with { PressedButtons = [.. message.PressedButtons, index] });
            }
        }

        return Task.WhenAll(deliveries);
    }

    public Task SendContextAsync(int userId, int botId, JsonObject context)
    {
        var deliveries = new List<Task>();
        lock (state.Gate)
        {
            var user = Require.Human(state, userId);
            var bot = Require.Bot(state, botId);
            // The client opens the bot dialog first, then sends the context (spec §7.1).
            var chat = state.FindPrivateChat(user.Id, bot.Id) ?? UserDialogs.OpenPrivate(state, user, bot, deliveries);
            var data = EventData.Context(context, chat, user, state.Settings.Language);
            deliveries.Add(EventPublisher.Publish(state, bot, EventTypes.ContextGet, data));
        }

        return Task.WhenAll(deliveries);
    }

    private static bool KeyboardHasCommand(JsonNode? keyboard, string name) =>
        keyboard?["BUTTONS"] is JsonArray buttons
        && buttons.OfType<JsonObject>().Any(b => b["COMMAND"] is JsonValue value
            && string.Equals(value.ToString().TrimStart('/'), name, StringComparison.OrdinalIgnoreCase));
}
