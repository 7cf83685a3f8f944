using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Portal;

namespace ChatBotHost.Emulator.Shaping;

/// <summary>The Message entity (spec §5.5); attach and keyboard come back inside params.</summary>
internal static class MessageJson
{
    public static JsonObject For(EmulatedMessage message)
    {
        var parameters = new JsonObject();
        if (message.Attach is not null)
        {
            parameters["ATTACH"] = message.Attach.DeepClone();
        }

        if (message.Keyboard is not null)
        {
            parameters["KEYBOARD"] = message.Keyboard.DeepClone();
        }

        if (message.Files.Count > 0)
        {
            // Where a message's files travel is not documented beyond "params (attach, keyboard, files…)" [infer]: the
            // ids as the messenger stores them, and the File entities.
            parameters["FILE_ID"] = new JsonArray([.. message.Files.Select(f => (JsonNode)f.Id)]);
            parameters["FILES"] = new JsonArray([.. message.Files.Select(f => (JsonNode)FileJson.For(f))]);
        }

        return new JsonObject
        {
            ["id"] = message.Id,
            ["chatId"] = message.ChatId,
            ["authorId"] = message.AuthorId,
            ["date"] = WireDate.Format(message.Date),
            ["text"] = message.Text,
            ["isSystem"] = message.IsSystem,
            ["uuid"] = message.Uuid,
            ["forward"] = null,
            ["params"] = PhpJson.MapOrEmpty(parameters),
            ["viewedByOthers"] = false,
        };
    }
}
