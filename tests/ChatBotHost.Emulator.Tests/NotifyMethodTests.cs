using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Portal;
using ChatBotHost.Emulator.Tests.Support;

namespace ChatBotHost.Emulator.Tests;

public sealed class NotifyMethodTests : EmulatorTest
{
    [Fact]
    public async Task SystemAndPersonalAdd_AnswerTheNotificationId_VisibleToTests()
    {
        var eve = Portal.AddUser("Eve", "Stone");

        var system = await Client.CallAsync("im.notify.system.add", new JsonObject { ["USER_ID"] = eve.Id, ["MESSAGE"] = " Ticket 7 opened " });
        var personal = await Client.CallFormAsync("im.notify.personal.add", $"USER_ID={eve.Id}&MESSAGE=Hello");

        Assert.Equal(1, system.Ok().GetValue<int>());
        Assert.Equal(2, personal.Ok().GetValue<int>());
        var notifications = Portal.GetNotifications();
        Assert.Equal((NotificationKind.System, 0, "Ticket 7 opened"), (notifications[0].Kind, notifications[0].AuthorId, notifications[0].Message));
        Assert.Equal((NotificationKind.Personal, Admin, eve.Id), (notifications[1].Kind, notifications[1].AuthorId, notifications[1].UserId));
    }

    [Fact]
    public async Task Add_Errors_UserIdEmpty_MessageEmpty_UnknownUserFalse()
    {
        var noUser = await Client.CallAsync("im.notify.system.add", new JsonObject { ["MESSAGE"] = "x" });
        var noMessage = await Client.CallAsync("im.notify.system.add", new JsonObject { ["USER_ID"] = 1, ["MESSAGE"] = "  " });
        var unknown = await Client.CallAsync("im.notify.personal.add", new JsonObject { ["USER_ID"] = 999, ["MESSAGE"] = "x" });

        Assert.Equal((400, "USER_ID_EMPTY"), (noUser.Status, noUser.Error));
        Assert.Equal((400, "MESSAGE_EMPTY"), (noMessage.Status, noMessage.Error));
        Assert.False(unknown.Ok().GetValue<bool>());
        Assert.Empty(Portal.GetNotifications());
    }

    [Fact]
    public async Task Confirm_AnswersAButton_Once()
    {
        var invite = Portal.AddConfirmNotification(Admin, "Join the group?", new NotificationButton("Accept", "Y"), new NotificationButton("Decline", "N"));

        var answer = await Client.CallAsync("im.notify.confirm", new JsonObject { ["ID"] = invite.Id, ["NOTIFY_VALUE"] = "Y" });
        var again = await Client.CallAsync("im.notify.confirm", new JsonObject { ["ID"] = invite.Id, ["NOTIFY_VALUE"] = "N" });

        Assert.Equal("""{"result_message":["Accept"]}""", answer.Ok().ToJsonString());
        Assert.Equal("Y", Assert.Single(Portal.GetNotifications()).Answer);
        Assert.Equal((400, "ID_ERROR"), (again.Status, again.Error));
    }

    [Theory]
    [InlineData("""{"NOTIFY_VALUE":"Y"}""", "ID_ERROR")]
    [InlineData("""{"ID":999,"NOTIFY_VALUE":"Y"}""", "ID_ERROR")]
    [InlineData("""{"ID":1}""", "NOTIFY_VALUE_ERROR")]
    [InlineData("""{"ID":1,"NOTIFY_VALUE":"MAYBE"}""", "NOTIFY_VALUE_ERROR")]
    public async Task Confirm_Errors(string body, string code)
    {
        Portal.AddConfirmNotification(Admin, "Join?", new NotificationButton("Accept", "Y"), new NotificationButton("Decline", "N"));

        var answer = await Client.CallAsync("im.notify.confirm", JsonNode.Parse(body)!.AsObject());

        Assert.Equal((400, code), (answer.Status, answer.Error));
        Assert.Null(Assert.Single(Portal.GetNotifications()).Answer);
    }

    [Fact]
    public async Task Confirm_SomeoneElsesNotification_IdError()
    {
        var eve = Portal.AddUser("Eve", "Stone");
        var theirs = Portal.AddConfirmNotification(eve.Id, "Join?", new NotificationButton("Accept", "Y"));

        var answer = await Client.CallAsync("im.notify.confirm", new JsonObject { ["ID"] = theirs.Id, ["NOTIFY_VALUE"] = "Y" });

        Assert.Equal("ID_ERROR", answer.Error);
    }
}
