using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Portal;
using ChatBotHost.Emulator.Shaping;

namespace ChatBotHost.Emulator.Rest;

/// <summary>imbot.v2.File.upload / File.download (spec §4.7).</summary>
internal static class FileMethods
{
    /// <summary>The most a file may be (spec §2.4): 100 MB before Base64.</summary>
    public const long MaxBytes = 100L * 1024 * 1024;

    /// <summary>Where a download URL points; a GET there with the token answers the file's bytes once.</summary>
    public const string DownloadPath = "rest/download.json";

    public static IEnumerable<RestMethod> All() =>
    [
        new("imbot.v2.File.upload", BotAuth.BotId, Upload),
        new("imbot.v2.File.download", BotAuth.BotId, Download),
    ];

    private static JsonObject Upload(RestCall call)
    {
        var chat = DialogAccess.ForBot(call.State, call.Bot, call.Params.String("dialogId"));
        var name = call.Fields.Text("name");
        var base64 = call.Fields.String("content");
        if (name is null || string.IsNullOrEmpty(base64))
        {
            throw new RestException("FILE_EMPTY", "File name and content are required");
        }

        byte[] content;
        try
        {
            content = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new RestException("FILE_INVALID_CONTENT", "File content is not valid Base64");
        }

        if (content.LongLength > MaxBytes)
        {
            throw new RestException("FILE_TOO_LARGE", "The file is larger than 100 MB");
        }

        var file = new EmulatedFile(call.State.TakeFileId(), chat.Id, name, content, call.Bot.Id, call.Bot.Name, call.State.Now);
        call.State.Files[file.Id] = file;
        var text = call.Fields.String("message");
        var message = BotPosting.Post(
            call.State, call.Bot, chat, new MessageContent(text, null, null, false, false), system: false, viaCommandAnswer: false, files: [file]);
        return new JsonObject
        {
            ["file"] = FileJson.For(file),
            ["messageId"] = message.Id,
            ["chatId"] = chat.Id,
            ["dialogId"] = chat.BotDialogId,
        };
    }

    private static JsonObject Download(RestCall call)
    {
        var file = call.Params.Int("fileId") is int id ? call.State.Files.GetValueOrDefault(id) : null;
        if (file is null)
        {
            throw new RestException("FILE_NOT_FOUND", "File not found");
        }

        if (call.State.FindChat(file.ChatId)?.HasMember(call.Bot.Id) != true)
        {
            throw new RestException("FILE_ACCESS_ERROR", "The bot has no access to this file");
        }

        var token = "imbot|" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        call.State.DownloadTokens[token] = file.Id;
        return new JsonObject { ["downloadUrl"] = $"{new Uri(call.State.Settings.BaseUrl, DownloadPath)}?token={Uri.EscapeDataString(token)}" };
    }
}
