using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Portal;
using Microsoft.AspNetCore.Http;

namespace ChatBotHost.Emulator.Chat;

/// <summary>The chat page's paper clip: attach a file to a message (JSON, Base64 content) and open a file in a message.</summary>
internal sealed class ChatFileApi(EmulatedPortal portal)
{
    /// <summary>The page is for trying bots out: 8 MiB of Base64 (about 6 MB of file) is plenty, and bounds the memory.</summary>
    public const long MaxBodyBytes = 8 * 1024 * 1024;

    private const int MaxNameLength = 255;

    private int Me => portal.AdminUserId;

    public async Task<IResult> SendAsync(string dialogId, HttpRequest request)
    {
        try
        {
            var body = await ChatRequestBody.ReadAsync(request, MaxBodyBytes);
            var name = body["name"]?.GetValue<string>()?.Trim();
            var content = body["content"]?.GetValue<string>();
            if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || name.IndexOfAny(['/', '\\']) >= 0)
            {
                return ChatApi.Problem($"The file needs a name (1-{MaxNameLength} characters, no slashes).");
            }

            var bytes = Convert.FromBase64String(content ?? "");
            if (bytes.Length == 0)
            {
                return ChatApi.Problem("The file is empty.");
            }

            var id = await portal.SendUserFileAsync(Me, dialogId, name, bytes, body["text"]?.GetValue<string>() ?? "");
            return Results.Text(new JsonObject { ["id"] = id }.ToJsonString(), "application/json");
        }
        catch (ChatRequestException refused)
        {
            return ChatApi.Problem(refused.Message, refused.StatusCode);
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException or FormatException or System.Text.Json.JsonException)
        {
            return ChatApi.Problem(error.Message);
        }
    }

    /// <summary>A file of a chat the page's user belongs to, as a download.</summary>
    public IResult Open(int fileId)
    {
        var file = portal.FindFile(fileId);
        var member = file is not null && portal.FindChat(file.ChatId)?.MemberIds.Contains(Me) == true;
        return member ? Results.File(file!.Content, "application/octet-stream", file.Name) : Results.NotFound();
    }
}
