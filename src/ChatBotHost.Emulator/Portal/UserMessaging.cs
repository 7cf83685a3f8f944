using ChatBotHost.Emulator.Delivery;
using ChatBotHost.Emulator.Portal.State;
using ChatBotHost.Emulator.Shaping;

namespace ChatBotHost.Emulator.Portal;

/// <summary>A human user writing, editing and deleting messages, and the events that follow.</summary>
internal sealed class UserMessaging(PortalState state)
{
    public async Task<int> SendAsync(int userId, string dialogId, string text, (string Name, byte[] Content)? file = null)
    {
        var deliveries = new List<Task>();
        int messageId;
        lock (state.Gate)
        {
            var chat = UserDialogs.Open(state, Require.Human(state, userId), dialogId, deliveries);
            state.Touch(userId);
            var user = Require.Human(state, userId);
            var message = new EmulatedMessage(
                state.TakeMessageId(), chat.Id, chat.UserDialogId, userId, text, null, null, false, false, state.Now)
            {
                Files = file is { } attached ? [Attach(chat.Id, userId, attached.Name, attached.Content)] : [],
            };
            state.Store(message);
            messageId = message.Id;

            var language = state.Settings.Language;
            var commanded = new HashSet<int>();
            foreach (var (bot, command, parameters) in MessageRouting.Commands(state, chat, text))
            {
                commanded.Add(bot.Id);
                var data = EventData.Command(command, parameters, "textarea", message, chat, user, language);
                deliveries.Add(EventPublisher.Publish(state, bot, EventTypes.CommandAdd, data));
            }

            foreach (var bot in MessageRouting.Observers(state, chat, text).Where(b => !commanded.Contains(b.Id)))
            {
                var data = EventData.Message(message, chat, user, language);
                deliveries.Add(EventPublisher.Publish(state, bot, EventTypes.MessageAdd, data));
            }

            UserEventPublisher.Publish(state, chat, UserEventTypes.MessageAdd, EventData.Message(message, chat, user, language));
        }

        await Task.WhenAll(deliveries);
        return messageId;
    }

    private EmulatedFile Attach(int chatId, int userId, string name, byte[] content)
    {
        var file = new EmulatedFile(state.TakeFileId(), chatId, name, content, userId, state.FindUser(userId)?.Name ?? "", state.Now);
        state.Files[file.Id] = file;
        return file;
    }

    public Task EditAsync(int userId, int messageId, string text)
    {
        var deliveries = new List<Task>();
        lock (state.Gate)
        {
            var (message, chat, user) = OwnMessage(userId, messageId);
            var edited = message with { Text = text, IsEdited = true };
            state.Store(edited);
            foreach (var bot in MessageRouting.Observers(state, chat, text))
            {
                var data = EventData.Message(edited, chat, user, state.Settings.Language);
                deliveries.Add(EventPublisher.Publish(state, bot, EventTypes.MessageUpdate, data));
            }

            UserEventPublisher.Publish(state, chat, UserEventTypes.MessageUpdate, EventData.Message(edited, chat, user, state.Settings.Language));
        }

        return Task.WhenAll(deliveries);
    }

    public Task DeleteAsync(int userId, int messageId)
    {
        var deliveries = new List<Task>();
        lock (state.Gate)
        {
            var (message, chat, user) = OwnMessage(userId, messageId);
            state.Messages.Remove(messageId);
            state.Reactions.RemoveAll(r => r.MessageId == messageId);
            foreach (var bot in MessageRouting.Observers(state, chat, message.Text))
            {
                var data = EventData.MessageDeleted(messageId, chat, user, state.Settings.Language);
                deliveries.Add(EventPublisher.Publish(state, bot, EventTypes.MessageDelete, data));
            }

            UserEventPublisher.Publish(state, chat, UserEventTypes.MessageDelete, EventData.MessageDeleted(messageId, chat, user, state.Settings.Language));
        }

        return Task.WhenAll(deliveries);
    }

    private (EmulatedMessage Message, ChatState Chat, EmulatedUser User) OwnMessage(int userId, int messageId)
    {
        var user = Require.Human(state, userId);
        var message = Require.Message(state, messageId);
        if (message.AuthorId != userId || message.PostedByBotId is not null)
        {
            throw new InvalidOperationException($"Message {messageId} was not written by user {userId}.");
        }

        return (message, Require.Chat(state, message.ChatId), user);
    }
}
