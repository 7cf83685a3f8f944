using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Wire;
using ChatBotHost.Emulator.OAuth;
using ChatBotHost.Emulator.Observation;
using ChatBotHost.Emulator.Tests.Support;

namespace ChatBotHost.Emulator.Tests;

/// <summary>The chat page's administrator box: pending confirmation requests listed, Allow/Deny through the page's API.</summary>
public sealed class ChatPageConfirmationTests : EmulatorTest
{
    private const string TaskAdd = "tasks.task.add";

    protected override EmulatorOptions Options => new() { MethodsRequiringConfirmation = [TaskAdd] };

    [Fact]
    public async Task Confirmations_ListsThePendingRequest_WithoutTheToken()
    {
        var app = await AppClient.InstallAsync(Emulator, Patience);
        await app.CallAsync(TaskAdd, NewTask("A"));
        await using var page = await ChatPageServer.StartAsync(Emulator);

        var listed = await page.GetJsonAsync("api/confirmations");

        var request = Assert.Single(listed["confirmations"]!.AsArray())!;
        Assert.Equal((TaskAdd, "pending", "John Smith"), (request["method"]!.GetValue<string>(), request["state"]!.GetValue<string>(), request["userName"]!.GetValue<string>()));
        Assert.DoesNotContain(app.AccessToken, listed.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_Allow_PostsOnAppMethodConfirm_AndTheMethodRuns()
    {
        var app = await AppClient.InstallAsync(Emulator, Patience);
        await using var handler = await WebhookReceiver.StartAsync();
        (await app.CallAsync("event.bind", new JsonObject { ["event"] = "ONAPPMETHODCONFIRM", ["handler"] = handler.Url.ToString() })).Ok();
        await app.CallAsync(TaskAdd, NewTask("A"));
        await using var page = await ChatPageServer.StartAsync(Emulator);
        var id = Assert.Single(Portal.Confirmations).Id;

        var (status, body) = await page.SendAsync(HttpMethod.Post, $"api/confirmations/{id}", new JsonObject { ["allow"] = true });

        Assert.Equal((200, 200), (status, body!["handlerStatus"]!.GetValue<int>()));
        Assert.Equal("1", PhpForm.Decode((await handler.NextAsync(Patience)).Body)["data"]!["CONFIRMED"]!.GetValue<string>());
        Assert.Equal(ConfirmationState.Allowed, Assert.Single(Portal.Confirmations).State);
        (await app.CallAsync(TaskAdd, NewTask("A"))).Ok();
        var shown = Assert.Single(Portal.State.Activity.After(0), e => e.Title == "ONAPPMETHODCONFIRM POST to the application");
        Assert.Equal((ActivityEntry.DeliveryKind, 200), (shown.Kind, shown.Status));
        Assert.Equal(SecretMask.Masked, shown.Body!.Value.GetProperty("data").GetProperty("TOKEN").GetString());
        Assert.DoesNotContain(app.AccessToken, shown.Body!.Value.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_Refusals_BadBody400_Unknown404_Twice409()
    {
        var app = await AppClient.InstallAsync(Emulator, Patience);
        await app.CallAsync(TaskAdd, NewTask("A"));
        await using var page = await ChatPageServer.StartAsync(Emulator);
        var id = Assert.Single(Portal.Confirmations).Id;

        var bad = await page.SendAsync(HttpMethod.Post, $"api/confirmations/{id}", new JsonObject { ["allow"] = "yes" });
        var unknown = await page.SendAsync(HttpMethod.Post, $"api/confirmations/{id + 7}", new JsonObject { ["allow"] = false });
        var first = await page.SendAsync(HttpMethod.Post, $"api/confirmations/{id}", new JsonObject { ["allow"] = false });
        var twice = await page.SendAsync(HttpMethod.Post, $"api/confirmations/{id}", new JsonObject { ["allow"] = true });

        Assert.Equal([400, 404, 200, 409], new[] { bad.Status, unknown.Status, first.Status, twice.Status });
        Assert.Null(first.Body!["handlerStatus"]);
        Assert.Equal(ConfirmationState.Denied, Assert.Single(Portal.Confirmations).State);
    }

    [Fact]
    public async Task ConfirmationsScript_IsServed_AndThePageLoadsIt()
    {
        await using var page = await ChatPageServer.StartAsync(Emulator);

        using var script = await page.Http.GetAsync(new Uri("confirmations.js", UriKind.Relative));
        var html = await page.Http.GetStringAsync(new Uri("./", UriKind.Relative));

        Assert.Equal(200, (int)script.StatusCode);
        Assert.Contains("<script src=\"confirmations.js\"></script>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"confirmation-list\"", html, StringComparison.Ordinal);
    }

    private static JsonObject NewTask(string title) => new() { ["fields"] = new JsonObject { ["TITLE"] = title } };
}
