using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Portal;

namespace ChatBotHost.Emulator.Shaping;

/// <summary>The File entity (spec §5.5).</summary>
internal static class FileJson
{
    public static JsonObject For(EmulatedFile file) => new()
    {
        ["id"] = file.Id,
        ["chatId"] = file.ChatId,
        ["date"] = WireDate.Format(file.Date),
        ["type"] = file.Type,
        ["name"] = file.Name,
        ["extension"] = file.Extension,
        ["size"] = file.Content.LongLength,
        ["image"] = false,
        ["authorId"] = file.AuthorId,
        ["authorName"] = file.AuthorName,
        ["isTranscribable"] = false,
        ["isVideoNote"] = false,
        ["isVoiceNote"] = false,
    };
}
