using ChatBotHost.Bitrix.Requests.ChatUi;
using ChatBotHost.Bitrix.Requests.Commands;
using ChatBotHost.Bitrix.Requests.Messages;

namespace ChatBotHost.Tests.Delivery;

/// <summary>Requests as a turn makes them.</summary>
internal static class Sends
{
    public static ChatMessageSendRequest Message(string dialogId, string text) =>
        new() { DialogId = dialogId, Fields = new MessageFields { Message = text } };

    public static CommandAnswerRequest Answer(string dialogId, string text) =>
        new() { CommandId = 42, MessageId = 7, DialogId = dialogId, Fields = new MessageFields { Message = text } };

    public static ChatInputActionNotifyRequest Typing(string dialogId) => new() { DialogId = dialogId };
}
