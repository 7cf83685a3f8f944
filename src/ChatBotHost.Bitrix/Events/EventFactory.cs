using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Entities;

namespace ChatBotHost.Bitrix.Events;

/// <summary>
/// Builds the typed event from an event's type and data object (spec §5.4); both wire decoders end here,
/// so a fetched event and a webhook delivery of the same event become equal models.
/// </summary>
public static class EventFactory
{
    private const string Data = "data";

    private static readonly ConcurrentDictionary<string, BotEvent> KnownShapes = new(StringComparer.Ordinal);

    /// <summary>
    /// Builds the event for a wire type (matched case-insensitively) from its data object;
    /// unknown types become <see cref="UnknownEvent"/>.
    /// </summary>
    /// <exception cref="EventDecodingException">A known field has a value that cannot be read as its type.</exception>
    public static BotEvent Create(string wireType, JsonObject data, EventSource source, long? eventId = null, DateTimeOffset? date = null)
    {
        ArgumentNullException.ThrowIfNull(wireType);
        ArgumentNullException.ThrowIfNull(data);

        var specific = CreateSpecific(wireType, data);
        var isKnown = specific is not UnknownEvent;
        var common = specific with
        {
            Source = source,
            EventId = eventId,
            Date = date,
            Bot = (isKnown ? EventFields.Read<BotInfo>(data, "bot", Data) : EventFields.ReadOrDefault<BotInfo>(data, "bot", Data)) ?? new(),
            Language = isKnown ? EventFields.Read<string>(data, "language", Data) : EventFields.ReadOrDefault<string>(data, "language", Data),
        };

        return common is ChatEvent chatEvent
            ? chatEvent with
            {
                Chat = EventFields.Read<Chat>(data, "chat", Data) ?? new(),
                User = EventFields.Read<User>(data, "user", Data) ?? new(),
                ExplicitDialogId = EventFields.Read<string>(data, "dialogId", Data),
            }
            : common;
    }

    /// <summary>
    /// The event a wire type becomes, with no fields read: its canonical <see cref="BotEvent.Type"/>, and whether it
    /// is a <see cref="ChatEvent"/> (one that belongs to a dialog). Cheap: what a reader of routing fields needs.
    /// </summary>
    internal static BotEvent Shape(string wireType)
    {
        // Events are immutable, so one shape per known type serves every caller; unknown types are not kept, or a
        // sender could grow the cache without bound.
        var type = wireType.ToUpperInvariant();
        if (KnownShapes.TryGetValue(type, out var known))
        {
            return known;
        }

        var shape = CreateSpecific(wireType, []);
        if (shape is not UnknownEvent)
        {
            KnownShapes.TryAdd(type, shape);
        }

        return shape;
    }

    private static BotEvent CreateSpecific(string wireType, JsonObject data) => wireType.ToUpperInvariant() switch
    {
        MessageAdded.WireType => new MessageAdded { Message = ReadMessage(data) },
        MessageUpdated.WireType => new MessageUpdated { Message = ReadMessage(data) },
        MessageDeleted.WireType => new MessageDeleted { MessageId = EventFields.Read<int>(data, "messageId", Data) },
        BotJoinedChat.WireType => new BotJoinedChat(),
        BotDeleted.WireType => new BotDeleted(),
        ContextRequested.WireType => new ContextRequested { Context = EventFields.Read<JsonObject>(data, "context", Data) ?? [] },
        CommandInvoked.WireType => CreateCommand(data),
        ReactionChanged.WireType => new ReactionChanged
        {
            Reaction = EventFields.Read<string>(data, "reaction", Data) ?? "",
            Action = EventFields.Read<string>(data, "action", Data) ?? "",
            Message = ReadMessage(data),
        },
        // User events (withUserEvents): the bot events' data without the bot (spec §4.9).
        UserMessageAdded.WireType => new UserMessageAdded { Message = ReadMessage(data) },
        UserMessageUpdated.WireType => new UserMessageUpdated { Message = ReadMessage(data) },
        UserMessageDeleted.WireType => new UserMessageDeleted { MessageId = EventFields.Read<int>(data, "messageId", Data) },
        UserJoinedChat.WireType => new UserJoinedChat(),
        UserReactionChanged.WireType => new UserReactionChanged
        {
            Reaction = EventFields.Read<string>(data, "reaction", Data) ?? "",
            Action = EventFields.Read<string>(data, "action", Data) ?? "",
            Message = ReadMessage(data),
        },
        _ => new UnknownEvent { WireName = wireType, Data = WithoutBotAuth(data) },
    };

    private static CommandInvoked CreateCommand(JsonObject data)
    {
        const string Path = "data.command";
        var command = EventFields.Read<JsonObject>(data, "command", Data) ?? [];
        return new CommandInvoked
        {
            CommandId = EventFields.Read<int>(command, "id", Path),
            Command = EventFields.Read<string>(command, "command", Path) ?? "",
            Params = EventFields.Read<string>(command, "params", Path) ?? "",
            Context = EventFields.Read<string>(command, "context", Path),
            Message = ReadMessage(data),
        };
    }

    private static Message ReadMessage(JsonObject data) => EventFields.Read<Message>(data, "message", Data) ?? new();

    // The bot's OAuth tokens are kept once, in Bot.Auth (which never prints them); a raw copy in Data would
    // reach every log line that prints the event. DeepClone recurses, but only as deep as the tree goes, and every
    // tree of an event was read within FormLimits (64 levels), so the sender cannot make it recurse further.
    private static JsonObject WithoutBotAuth(JsonObject data)
    {
        var copy = data.DeepClone().AsObject();
        if (copy["bot"] is JsonObject bot)
        {
            bot.Remove("auth");
        }

        return copy;
    }
}
