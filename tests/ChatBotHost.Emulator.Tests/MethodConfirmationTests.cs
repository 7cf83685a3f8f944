using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Wire;
using ChatBotHost.Emulator.OAuth;
using ChatBotHost.Emulator.Tests.Support;

namespace ChatBotHost.Emulator.Tests;

public sealed class MethodConfirmationTests : EmulatorTest
{
    private const string TaskAdd = "tasks.task.add";

    protected override EmulatorOptions Options => new() { MethodsRequiringConfirmation = [TaskAdd] };

    [Fact]
    public async Task AppCall_OfConfirmedMethod_Waits401_UntilAllowed_ThenRuns_AndHandlerGetsOnAppMethodConfirm()
    {
        var app = await AppClient.InstallAsync(Emulator, Patience);
        await using var handler = await WebhookReceiver.StartAsync();
        (await app.CallAsync("event.bind", new JsonObject { ["event"] = "ONAPPMETHODCONFIRM", ["handler"] = handler.Url.ToString() })).Ok();

        var first = await app.CallAsync(TaskAdd, NewTask("Printer"));
        var again = await app.CallAsync(TaskAdd, NewTask("Printer"));
        var request = Assert.Single(Portal.Confirmations);
        Assert.Equal((401, "METHOD_CONFIRM_WAITING"), (first.Status, first.Error));
        Assert.Equal((401, "METHOD_CONFIRM_WAITING"), (again.Status, again.Error));
        Assert.Equal((TaskAdd, ConfirmationState.Pending, Admin), (request.Method, request.State, request.UserId));
        Assert.Empty(Portal.GetTasks());

        Assert.Equal(200, await Portal.DecideConfirmationAsync(request.Id, allow: true));

        var posted = await handler.NextAsync(Patience);
        Assert.Equal("application/x-www-form-urlencoded", posted.ContentType);
        Assert.StartsWith("event=ONAPPMETHODCONFIRM&data%5BTOKEN%5D=", posted.Body, StringComparison.Ordinal);
        var form = PhpForm.Decode(posted.Body);
        Assert.Equal(app.AccessToken, form["data"]!["TOKEN"]!.GetValue<string>());
        Assert.Equal(TaskAdd, form["data"]!["METHOD"]!.GetValue<string>());
        Assert.Equal("1", form["data"]!["CONFIRMED"]!.GetValue<string>());
        Assert.Equal("en", form["data"]!["LANGUAGE_ID"]!.GetValue<string>());
        Assert.Equal(Portal.OAuth.ApplicationToken, form["auth"]!["application_token"]!.GetValue<string>());
        Assert.Equal(Portal.OAuth.MemberId, form["auth"]!["member_id"]!.GetValue<string>());
        Assert.Null(form["auth"]!["access_token"]);
        Assert.NotNull(form["ts"]);

        (await app.CallAsync(TaskAdd, NewTask("Printer"))).Ok();
        Assert.Equal("Printer", Assert.Single(Portal.GetTasks()).Title);
        Assert.Equal(ConfirmationState.Allowed, Assert.Single(Portal.Confirmations).State);
    }

    [Fact]
    public async Task Denied_Answers403MethodConfirmDenied_AndHandlerGetsConfirmedZero()
    {
        var app = await AppClient.InstallAsync(Emulator, Patience);
        await using var handler = await WebhookReceiver.StartAsync();
        (await app.CallAsync("event.bind", new JsonObject { ["event"] = "ONAPPMETHODCONFIRM", ["handler"] = handler.Url.ToString() })).Ok();
        await app.CallAsync(TaskAdd, NewTask("Printer"));

        await Portal.DecideConfirmationAsync(Assert.Single(Portal.Confirmations).Id, allow: false);
        var denied = await app.CallAsync(TaskAdd, NewTask("Printer"));

        Assert.Equal("0", PhpForm.Decode((await handler.NextAsync(Patience)).Body)["data"]!["CONFIRMED"]!.GetValue<string>());
        Assert.Equal((403, "METHOD_CONFIRM_DENIED"), (denied.Status, denied.Error));
        Assert.Empty(Portal.GetTasks());
    }

    [Fact]
    public async Task Permission_BelongsToTheAccessToken_ARefreshedTokenAsksAgain()
    {
        var app = await AppClient.InstallAsync(Emulator, Patience);
        await app.CallAsync(TaskAdd, NewTask("One"));
        Assert.Null(await Portal.DecideConfirmationAsync(Portal.Confirmations[0].Id, allow: true)); // no handler bound
        (await app.CallAsync(TaskAdd, NewTask("One"))).Ok();

        await app.RefreshAsync();
        var afterRefresh = await app.CallAsync(TaskAdd, NewTask("Two"));

        Assert.Equal((401, "METHOD_CONFIRM_WAITING"), (afterRefresh.Status, afterRefresh.Error));
        Assert.Equal([ConfirmationState.Allowed, ConfirmationState.Pending], Portal.Confirmations.Select(c => c.State));
    }

    [Fact]
    public async Task WebhookCall_IsNeverAsked_OtherMethodsOfTheAppRun()
    {
        var app = await AppClient.InstallAsync(Emulator, Patience);

        var viaWebhook = await Client.CallAsync(TaskAdd, NewTask("Local"));
        var other = await app.CallAsync("user.current");

        viaWebhook.Ok();
        other.Ok();
        Assert.Empty(Portal.Confirmations);
    }

    [Fact]
    public async Task InsideBatch_TheSubCallWaits_InResultError_OthersRun()
    {
        var app = await AppClient.InstallAsync(Emulator, Patience);

        var batch = await app.CallAsync("batch", new JsonObject
        {
            ["halt"] = 0,
            ["cmd"] = new JsonObject { ["me"] = "user.current", ["task"] = "tasks.task.add?fields[TITLE]=Batched" },
        });

        var result = batch.Ok();
        Assert.Equal("METHOD_CONFIRM_WAITING", result["result_error"]!["task"]!["error"]!.GetValue<string>());
        Assert.Equal(Admin.ToString(System.Globalization.CultureInfo.InvariantCulture), result["result"]!["me"]!["ID"]!.GetValue<string>());
        Assert.Equal(TaskAdd, Assert.Single(Portal.Confirmations).Method);
    }

    [Fact]
    public async Task RequireConfirmation_AtRuntime_AsksFromThen_DecidingTwiceIsRefused()
    {
        var app = await AppClient.InstallAsync(Emulator, Patience);
        (await app.CallAsync("user.get")).Ok();

        Portal.RequireConfirmation("user.get");
        var asked = await app.CallAsync("user.get");
        var id = Assert.Single(Portal.Confirmations).Id;
        await Portal.DecideConfirmationAsync(id, allow: true);

        Assert.Equal(401, asked.Status);
        await Assert.ThrowsAsync<InvalidOperationException>(() => Portal.DecideConfirmationAsync(id, allow: false));
        await Assert.ThrowsAsync<ArgumentException>(() => Portal.DecideConfirmationAsync(id + 100, allow: false));
    }

    [Fact]
    public async Task EventBind_AcceptsOnAppMethodConfirm_UnbindRemovesIt()
    {
        var app = await AppClient.InstallAsync(Emulator, Patience);
        await using var handler = await WebhookReceiver.StartAsync();

        (await app.CallAsync("event.bind", new JsonObject { ["event"] = "onAppMethodConfirm", ["handler"] = handler.Url.ToString() })).Ok();
        Assert.Equal(handler.Url, Portal.OAuth.MethodConfirmHandler);
        Assert.Null(Portal.OAuth.UninstallHandler);
        var unbound = await app.CallAsync("event.unbind", new JsonObject { ["event"] = "ONAPPMETHODCONFIRM", ["handler"] = handler.Url.ToString() });

        Assert.Equal(1, unbound.Ok()["count"]!.GetValue<int>());
        Assert.Null(Portal.OAuth.MethodConfirmHandler);
    }

    private static JsonObject NewTask(string title) => new() { ["fields"] = new JsonObject { ["TITLE"] = title } };
}
