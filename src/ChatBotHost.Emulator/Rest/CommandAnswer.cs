using System.Text.Json.Nodes;

namespace ChatBotHost.Emulator.Rest;

/// <summary>imbot.v2.Command.answer: posts into the dialog, even where the bot is not a member (then as a system message).</summary>
internal static class CommandAnswer
{
    public static JsonObject Answer(RestCall call)
    {
        var (state, bot) = (call.State, call.Bot);
        var command = call.Params.Int("commandId") is int commandId ? state.Commands.GetValueOrDefault(commandId) : null;
        var source = call.Params.Int("messageId") is int messageId ? state.FindMessage(messageId) : null;
        if (command is null || command.BotId != bot.Id || source is null)
        {
            throw new RestException("COMMAND_ANSWER_FAILED", "Command answer failed: unknown command or message");
        }

        var chat = DialogAccess.ForBot(state, bot, call.Params.String("dialogId"), requireMember: false);
        if (chat.Id != source.ChatId)
        {
            throw new RestException("COMMAND_ANSWER_FAILED", "The message is not in this dialog");
        }

        var content = MessageContent.Read(call.Fields);
        if (content.IsEmpty)
        {
            throw new RestException("EMPTY_MESSAGE", "Message can't be empty");
        }

        // Temporary access for a non-member: the answer appears as a system message bearing the bot's name.
        var system = (call.Fields.Bool("system") ?? false) || !chat.HasMember(bot.Id);
        BotPosting.Post(state, bot, chat, content, system, viaCommandAnswer: true);
        return Ok.Result();
    }
}
