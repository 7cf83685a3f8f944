using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Requests.Messages;

namespace ChatBotHost.Abstractions.Turns;

/// <summary>
/// What a bot does to messages besides posting them: edit, delete, react, quote, forward. Every action goes through
/// <see cref="ITurnContext.Api"/>, so it takes its place in the dialog's send order and is keyed like a reply: the same
/// turn run again after a redelivery does not repeat it.
/// </summary>
public static class MessageActionsExtensions
{
    private const string ReactionAlreadySet = "REACTION_ALREADY_SET";

    /// <summary>Replaces the text of one of the bot's messages (imbot.v2.Chat.Message.update); keyboard and attach stay.</summary>
    public static Task UpdateMessageAsync(this ITurnContext turn, int messageId, string text, CancellationToken cancellationToken) =>
        turn.UpdateMessageAsync(messageId, new MessageUpdateFields { Message = text }, cancellationToken);

    /// <summary>Changes one of the bot's messages: text, attach, keyboard (the string "N" removes it).</summary>
    public static async Task UpdateMessageAsync(
        this ITurnContext turn, int messageId, MessageUpdateFields fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(fields);
        await turn.Api.CallAsync(new ChatMessageUpdateRequest { MessageId = messageId, Fields = fields }, cancellationToken);
    }

    /// <summary>
    /// Deletes one of the bot's messages (any message when the bot administers the chat); <paramref name="complete"/>
    /// purges it instead of leaving a "deleted" stub.
    /// </summary>
    public static async Task DeleteMessageAsync(
        this ITurnContext turn, int messageId, CancellationToken cancellationToken, bool complete = false)
    {
        ArgumentNullException.ThrowIfNull(turn);
        await turn.Api.CallAsync(
            new ChatMessageDeleteRequest { MessageId = messageId, Complete = complete ? true : null }, cancellationToken);
    }

    /// <summary>Puts the bot's reaction (like, fire, eyes… spec §4.3) on a message; a reaction already there is not an error.</summary>
    public static async Task ReactAsync(this ITurnContext turn, int messageId, string reaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentException.ThrowIfNullOrEmpty(reaction);
        try
        {
            await turn.Api.CallAsync(new ChatMessageReactionAddRequest { MessageId = messageId, Reaction = reaction }, cancellationToken);
        }
        catch (BitrixApiException e) when (e.Error == ReactionAlreadySet)
        {
            // The state the author asked for is reached; this is also what a retry after a lost answer meets.
        }
    }

    /// <summary>Takes the bot's reaction off a message.</summary>
    public static async Task RemoveReactionAsync(this ITurnContext turn, int messageId, string reaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentException.ThrowIfNullOrEmpty(reaction);
        await turn.Api.CallAsync(new ChatMessageReactionDeleteRequest { MessageId = messageId, Reaction = reaction }, cancellationToken);
    }

    /// <summary>Sends a text into this dialog quoting message <paramref name="messageId"/> (replyId) and returns the new id.</summary>
    public static Task<int> ReplyToAsync(this ITurnContext turn, int messageId, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.ReplyAsync(new MessageFields { Message = text, ReplyId = messageId }, cancellationToken);
    }

    /// <summary>
    /// Forwards messages (at most 100; the bot must be in their chats) into <paramref name="dialogId"/>, this dialog
    /// when null, with an optional comment; returns the ids of the forwarded copies in the order given.
    /// </summary>
    public static async Task<IReadOnlyList<int>> ForwardAsync(
        this ITurnContext turn, IReadOnlyList<int> messageIds, CancellationToken cancellationToken, string? dialogId = null, string? comment = null)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(messageIds);
        if (messageIds.Count is 0 or > MaxForwarded)
        {
            throw new ArgumentOutOfRangeException(nameof(messageIds), messageIds.Count, $"Forward 1 to {MaxForwarded} messages at a time.");
        }

        var target = dialogId ?? turn.DialogId
            ?? throw new InvalidOperationException($"{turn.Event.Type} belongs to no dialog; name the dialog to forward into.");
        // The uuids only pair each message with its copy in the answer; made from the message ids, a re-run turn sends
        // the same request.
        var keys = messageIds.Select((id, i) => KeyFor(id, i)).ToArray();
        var fields = new MessageFields
        {
            Message = string.IsNullOrEmpty(comment) ? null : comment,
            ForwardIds = keys.Zip(messageIds).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal),
        };
        var result = await turn.Api.CallAsync(new ChatMessageSendRequest { DialogId = target, Fields = fields }, cancellationToken);
        return [.. keys.Select(k => CopyId(result, k))];
    }

    /// <summary>The most messages one forward carries (spec §2.4).</summary>
    public const int MaxForwarded = 100;

    // PHP may answer a number or its string; a copy the portal did not report is 0.
    private static int CopyId(ChatMessageSendResult result, string key) =>
        result.UuidMap?[key] is JsonValue value
            && (value.TryGetValue<int>(out var id) || (value.TryGetValue<string>(out var text) && int.TryParse(text, CultureInfo.InvariantCulture, out id)))
            ? id
            : 0;

    private static string KeyFor(int messageId, int position) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"forward:{position}:{messageId}")).AsSpan(0, 16)).ToString();
}
