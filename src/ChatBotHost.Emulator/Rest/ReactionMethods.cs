using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Portal;

namespace ChatBotHost.Emulator.Rest;

/// <summary>imbot.v2.Chat.Message.Reaction.add/delete (spec §4.3).</summary>
internal static class ReactionMethods
{
    private const string Prefix = "imbot.v2.Chat.Message.Reaction.";

    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "like", "dislike", "faceWithTearsOfJoy", "redHeart", "neutralFace", "fire", "cry", "slightlySmilingFace",
        "winkingFace", "laugh", "kiss", "wonder", "slightlyFrowningFace", "loudlyCryingFace", "faceWithStuckOutTongue",
        "faceWithStuckOutTongueAndWinkingEye", "smilingFaceWithSunglasses", "confusedFace", "flushedFace",
        "thinkingFace", "angry", "smilingFaceWithHorns", "faceWithThermometer", "facepalm", "poo", "flexedBiceps",
        "clappingHands", "raisedHand", "smilingFaceWithHeartEyes", "smilingFaceWithHearts", "pleadingFace",
        "relievedFace", "foldedHands", "okHand", "signHorns", "loveYouGesture", "clownFace", "partyingFace",
        "questionMark", "exclamationMark", "lightBulb", "bomb", "sleepingSymbol", "crossMark",
        "whiteHeavyCheckMark", "eyes", "handshake", "hundredPoints",
    };

    public static IEnumerable<RestMethod> All() =>
    [
        new(Prefix + "add", BotAuth.BotId, call => Change(call, add: true)),
        new(Prefix + "delete", BotAuth.BotId, call => Change(call, add: false)),
    ];

    private static JsonObject Change(RestCall call, bool add)
    {
        var state = call.State;
        var message = call.Params.Int("messageId") is int id ? state.FindMessage(id) : null;
        if (message is null || state.FindChat(message.ChatId)?.HasMember(call.Bot.Id) != true)
        {
            throw RestException.AccessDenied("The bot has no access to this message");
        }

        var reaction = call.Params.Text("reaction");
        if (reaction is null || !Known.Contains(reaction))
        {
            throw new RestException("REACTION_NOT_FOUND", "Unknown reaction");
        }

        var existing = state.Reactions.Find(r => r.MessageId == message.Id && r.UserId == call.Bot.Id && r.Reaction == reaction);
        if (add && existing is not null)
        {
            throw new RestException("REACTION_ALREADY_SET", "The reaction is already set");
        }

        if (!add && existing is null)
        {
            throw new RestException("REACTION_NOT_FOUND", "The reaction is not set");
        }

        if (add)
        {
            state.Reactions.Add(new EmulatedReaction(message.Id, call.Bot.Id, reaction));
        }
        else
        {
            state.Reactions.Remove(existing!);
        }

        return Ok.Result();
    }
}
