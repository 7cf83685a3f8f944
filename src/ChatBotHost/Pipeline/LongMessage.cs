using ChatBotHost.Abstractions.Messages;
using ChatBotHost.Bitrix.Requests.Messages;

namespace ChatBotHost.Pipeline;

/// <summary>
/// A message whose text is longer than the portal keeps (it truncates past 20,000 characters), as the messages to send
/// in order: the text split by <see cref="LongText"/>; the quote on the first part; attach, keyboard and forwards on the
/// last, under the end of the text, where the returned id (the last message's) points to.
/// </summary>
internal static class LongMessage
{
    public static IReadOnlyList<MessageFields> Parts(MessageFields message)
    {
        if (message.Message is not { Length: > LongText.MaxLength } text)
        {
            return [message];
        }

        var texts = LongText.Split(text);
        var parts = new MessageFields[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            var first = i == 0;
            var last = i == texts.Count - 1;
            parts[i] = message with
            {
                Message = texts[i],
                ReplyId = first ? message.ReplyId : null,
                // An author's own templateId is the portal's dedupe id: on every part it would make the parts one message.
                TemplateId = first ? message.TemplateId : null,
                Attach = last ? message.Attach : null,
                Keyboard = last ? message.Keyboard : null,
                ForwardIds = last ? message.ForwardIds : null,
            };
        }

        return parts;
    }
}
