using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Tests.Support;

namespace ChatBotHost.Emulator.Tests;

/// <summary>File.upload and File.download over HTTP, a user's attachment in the event, and the chat page's paper clip.</summary>
public sealed class FileMethodTests : EmulatorTest
{
    [Fact]
    public async Task Upload_ThenDownload_PostsTheFileAndServesItsBytesOnceThroughTheOneTimeUrl()
    {
        var bot = await Client.RegisterBotAsync("filer", Token);
        var bytes = Encoding.UTF8.GetBytes("hello, file");

        var uploaded = await Client.CallAsync("imbot.v2.File.upload", new JsonObject
        {
            ["botId"] = bot, ["botToken"] = Token, ["dialogId"] = Admin.ToString(CultureInfo.InvariantCulture),
            ["fields"] = new JsonObject { ["name"] = "Note.TXT", ["content"] = Convert.ToBase64String(bytes), ["message"] = "a note" },
        });
        var file = uploaded.Result!["file"]!;
        Assert.Equal(("Note.TXT", "txt", bytes.Length), (file["name"]!.GetValue<string>(), file["extension"]!.GetValue<string>(), file["size"]!.GetValue<int>()));
        var message = Portal.GetMessages(null).Single(m => m.Id == uploaded.Result!["messageId"]!.GetValue<int>());
        Assert.Equal("a note", message.Text);

        var link = await Client.CallAsync("imbot.v2.File.download", new JsonObject { ["botId"] = bot, ["botToken"] = Token, ["fileId"] = file["id"]!.GetValue<int>() });
        var url = link.Result!["downloadUrl"]!.GetValue<string>();
        Assert.Equal(bytes, await PortalClient.Http.GetByteArrayAsync(new Uri(url)));
        using var again = await PortalClient.Http.GetAsync(new Uri(url));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, again.StatusCode);
    }

    [Theory]
    [InlineData("not base64!", "FILE_INVALID_CONTENT")]
    [InlineData("", "FILE_EMPTY")]
    public async Task Upload_BadContent_IsRefusedWithItsCode(string content, string code)
    {
        var bot = await Client.RegisterBotAsync("filer", Token);

        var answer = await Client.CallAsync("imbot.v2.File.upload", new JsonObject
        {
            ["botId"] = bot, ["botToken"] = Token, ["dialogId"] = Admin.ToString(CultureInfo.InvariantCulture),
            ["fields"] = new JsonObject { ["name"] = "a.txt", ["content"] = content },
        });

        Assert.Equal(code, answer.Error);
    }

    [Fact]
    public async Task Download_FileOfAChatTheBotIsNotIn_IsFileAccessError()
    {
        var bot = await Client.RegisterBotAsync("filer", Token);
        var other = await Client.RegisterBotAsync("other", Token);
        await Portal.SendUserFileAsync(Admin, other.ToString(CultureInfo.InvariantCulture), "secret.txt", [1, 2, 3]);
        var fileId = Portal.GetMessages(null).Single(m => m.Files.Count == 1).Files[0].Id;

        var answer = await Client.CallAsync("imbot.v2.File.download", new JsonObject { ["botId"] = bot, ["botToken"] = Token, ["fileId"] = fileId });

        Assert.Equal("FILE_ACCESS_ERROR", answer.Error);
    }

    [Fact]
    public async Task ChatPage_AttachedFile_ReachesTheBotInTheMessageParams()
    {
        var bot = await Client.RegisterBotAsync("filer", Token);
        await using var page = await ChatPageServer.StartAsync(Emulator);
        var dialogId = bot.ToString(CultureInfo.InvariantCulture);
        await page.SendAsync(HttpMethod.Post, $"api/dialogs/{dialogId}/open");
        var offset = (await Client.EventGetAsync(bot, Token))["nextOffset"]!.GetValue<long>();

        var (status, _) = await page.SendAsync(HttpMethod.Post, $"api/dialogs/{dialogId}/files", new JsonObject
        {
            ["name"] = "photo.png", ["content"] = Convert.ToBase64String([137, 80, 78, 71]), ["text"] = "look",
        });

        Assert.Equal(200, status);
        var added = Assert.Single((await Client.EventGetAsync(bot, Token, offset))["events"]!.AsArray())!;
        var message = added["data"]!["message"]!;
        Assert.Equal("look", message["text"]!.GetValue<string>());
        var file = message["params"]!["FILES"]![0]!;
        Assert.Equal(("photo.png", "image", 4), (file["name"]!.GetValue<string>(), file["type"]!.GetValue<string>(), file["size"]!.GetValue<int>()));
        var shown = (await page.GetJsonAsync($"api/dialogs/{dialogId}/messages"))["messages"]!.AsArray().Last()!["files"]![0]!;
        Assert.Equal(4, (await page.Http.GetByteArrayAsync($"api/files/{shown["id"]!.GetValue<int>()}")).Length);
    }
}
