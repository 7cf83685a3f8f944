using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Entities;
using ChatBotHost.Bitrix.Events;

namespace ChatBotHost.Testing;

/// <summary>Builds the events a user causes in a private chat with the bot, shaped as the fetch decoder would produce them.</summary>
internal sealed class UserEvents(BotTestHost host, int userId)
{
    // The shape of a message's FILES entries (camelCase, as the portal sends them).
    private static readonly JsonSerializerOptions FileJson = new(JsonSerializerDefaults.Web);

    public string DialogId { get; } = userId.ToString(CultureInfo.InvariantCulture);

    // A private chat's id differs from the user's on a real portal; any stable number will do.
    private int ChatId => 5000 + userId;

    public MessageAdded Message(string text, IReadOnlyList<ChatFile>? files = null) => new()
    {
        Source = EventSource.Fetch,
        EventId = host.NextEventId(),
        Date = host.Clock.GetUtcNow(),
        Bot = BotInfo,
        Language = host.Options.Language,
        Chat = Chat,
        User = User,
        Message = new Message
        {
            Id = host.Portal.NextMessageId(), ChatId = ChatId, AuthorId = userId, Text = text, Date = host.Clock.GetUtcNow(),
            Params = files is null ? [] : new JsonObject { ["FILES"] = JsonSerializer.SerializeToNode(files, FileJson) },
        },
    };

    /// <summary>A file as the portal describes it in the message's FILES, uploaded by this user; its bytes are kept by the kit.</summary>
    public ChatFile File(string name, byte[]? content, long size) => new()
    {
        Id = host.Files.Add(content),
        ChatId = ChatId,
        Type = "file",
        Name = name,
        Extension = Path.GetExtension(name).TrimStart('.').ToLowerInvariant(),
        Size = size,
        AuthorId = userId,
        AuthorName = User.Name,
    };

    /// <summary>A typed /command, or a button press (context keyboard) on the bot's message.</summary>
    public CommandInvoked Command(string name, string parameters, string context, int messageId)
    {
        var command = name.TrimStart('/').ToLowerInvariant();
        if (!host.Bot.Registration!.CommandIds.TryGetValue(command, out var commandId))
        {
            throw new ConversationAssertionException($"Bot '{host.Bot.Code}' declares no command /{command}.");
        }

        return new CommandInvoked
        {
            Source = EventSource.Fetch,
            EventId = host.NextEventId(),
            Date = host.Clock.GetUtcNow(),
            Bot = BotInfo,
            Language = host.Options.Language,
            Chat = Chat,
            User = User,
            CommandId = commandId,
            Command = "/" + command,
            Params = parameters,
            Context = context,
            Message = new Message { Id = messageId, ChatId = ChatId, AuthorId = userId, Text = $"/{command} {parameters}".TrimEnd() },
        };
    }

    private BotInfo BotInfo => new() { Id = host.Bot.BotId, Code = host.Bot.Code, Language = host.Options.Language };

    private Chat Chat => new() { Id = ChatId, DialogId = DialogId, Type = "private" };

    private User User => new() { Id = userId, Active = true, Name = $"User {userId}" };
}
