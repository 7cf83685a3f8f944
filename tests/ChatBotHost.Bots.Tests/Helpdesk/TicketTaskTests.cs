using ChatBotHost.Bots.Helpdesk;
using ChatBotHost.Testing;

namespace ChatBotHost.Bots.Tests.Helpdesk;

public sealed class TicketTaskTests
{
    private const string TasksAdd = "tasks.task.add";

    [Fact]
    public async Task Ticket_Confirmed_CreatesTaskWithSubjectAndPriorityAndTellsItsId()
    {
        await using var host = BotTestHost.Create<HelpdeskBot>();

        await FileTicket(host.Conversation(userId: 7), "Printer is jammed", "High")
            .ExpectReply("Ticket #1 created: Printer is jammed")
            .ExpectNoDialog()
            .ExpectNoMoreReplies();

        var task = Assert.Single(host.Tasks);
        Assert.Equal("Printer is jammed", task.Title);
        Assert.Contains("Priority: High", task.Description, StringComparison.Ordinal);
        Assert.Equal(7, task.ResponsibleId); // no ResponsibleId setting: the user who filed it
    }

    [Fact]
    public async Task Ticket_ResponsibleIdSetting_AssignsTheTaskToThatUser()
    {
        await using var host = BotTestHost.Create<HelpdeskBot>(o => o.Settings["ResponsibleId"] = "42");

        await FileTicket(host.Conversation(), "VPN is down", "Normal").ExpectReply("Ticket #1 created: VPN is down");

        Assert.Equal(42, Assert.Single(host.Tasks).ResponsibleId);
    }

    [Fact]
    public async Task Tickets_AfterTwoTasks_ListsTheTaskIdsAsNumbers()
    {
        await using var host = BotTestHost.Create<HelpdeskBot>();

        await FileTicket(host.Conversation(), "First", "Low").ExpectReply("Ticket #1 created: First")
            .Command("/tickets").ExpectReply("[b]Your tickets[/b]\n#1 First (Low)");
        await FileTicket(host.Conversation(userId: 2), "Second", "High").ExpectReply("Ticket #2 created: Second");
    }

    [Fact]
    public async Task Ticket_MethodWaitsForAdministrator_SaysSoThenCreatesTaskWhenAllowed()
    {
        await using var host = BotTestHost.Create<HelpdeskBot>(o => o.Methods.RequireConfirmation(TasksAdd));
        var conversation = host.Conversation();

        await FileTicket(conversation, "Printer is jammed", "High")
            .ExpectReplyContaining("waits for the portal administrator")
            .ExpectNoDialog()
            .ExpectState<List<PendingTicket>>("pendingTickets", p => p is [{ Subject: "Printer is jammed", Priority: TicketPriority.High }])
            .ExpectNoMoreReplies();
        Assert.Empty(host.Tasks);

        await conversation.AdministratorDecides(allow: true)
            .ExpectReply("Ticket #1 created: Printer is jammed")
            .ExpectState<List<PendingTicket>>("pendingTickets", p => p is null)
            .ExpectNoMoreReplies();
        Assert.Equal("Printer is jammed", Assert.Single(host.Tasks).Title);
    }

    [Fact]
    public async Task Ticket_AdministratorDenies_SaysTheTicketWasRefused()
    {
        await using var host = BotTestHost.Create<HelpdeskBot>(o => o.Methods.RequireConfirmation(TasksAdd));
        var conversation = host.Conversation();

        await FileTicket(conversation, "Printer is jammed", "Low").ExpectReplyContaining("waits for the portal administrator");
        await conversation.AdministratorDecides(allow: false)
            .ExpectReply("The portal administrator did not allow me to create tasks, so your ticket \"Printer is jammed\" was not created.")
            .ExpectState<List<PendingTicket>>("pendingTickets", p => p is null)
            .ExpectNoMoreReplies();
        Assert.Empty(host.Tasks);
    }

    [Fact]
    public async Task Ticket_AlreadyDenied_SaysRefusedAtOnce()
    {
        await using var host = BotTestHost.Create<HelpdeskBot>(o => o.Methods.RequireConfirmation(TasksAdd));
        var first = host.Conversation(userId: 1);
        await FileTicket(first, "One", "Low").ExpectReplyContaining("waits for the portal administrator");
        await first.AdministratorDecides(allow: false).ExpectReplyContaining("did not allow");

        await FileTicket(host.Conversation(userId: 2), "Two", "Low")
            .ExpectReply("The portal administrator did not allow me to create tasks, so your ticket \"Two\" was not created.")
            .ExpectNoMoreReplies();
    }

    [Fact]
    public async Task Decision_TwoConversationsWaiting_EachGetsItsOwnTicket()
    {
        await using var host = BotTestHost.Create<HelpdeskBot>(o => o.Methods.RequireConfirmation(TasksAdd));
        var alice = host.Conversation(userId: 1);
        var bob = host.Conversation(userId: 2);
        await FileTicket(alice, "Alice's laptop", "High").ExpectReplyContaining("waits");
        await FileTicket(bob, "Bob's phone", "Low").ExpectReplyContaining("waits");

        await alice.AdministratorDecides(allow: true).ExpectReply("Ticket #1 created: Alice's laptop").ExpectNoMoreReplies();

        await bob.ExpectReply("Ticket #2 created: Bob's phone").ExpectNoMoreReplies();
    }

    [Fact]
    public async Task Decision_OnAnotherMethod_LeavesTheTicketWaiting()
    {
        await using var host = BotTestHost.Create<HelpdeskBot>(o => o.Methods.RequireConfirmation(TasksAdd).RequireConfirmation("crm.lead.add"));
        var conversation = host.Conversation();
        await FileTicket(conversation, "Printer", "Low").ExpectReplyContaining("waits");

        await conversation.AdministratorDecides(allow: true, method: "crm.lead.add")
            .ExpectNoMoreReplies()
            .ExpectState<List<PendingTicket>>("pendingTickets", p => p is [{ Subject: "Printer" }]);
    }

    [Fact]
    public async Task Ticket_PortalRefusesTasks_TellsTheUserWithTheCode()
    {
        await using var host = BotTestHost.Create<HelpdeskBot>(o => o.Methods.Refuse(TasksAdd, "insufficient_scope", 403));

        await FileTicket(host.Conversation(), "Printer", "Low")
            .ExpectReply("I could not create your ticket \"Printer\": the portal refused (insufficient_scope). Please tell your administrator.")
            .ExpectNoDialog()
            .ExpectNoMoreReplies();
        Assert.Empty(host.Tasks);
    }

    [Theory]
    [InlineData(null, 5, 5)]
    [InlineData(null, null, null)]
    [InlineData(9, 5, 9)]
    public void ResponsibleFor_SettingOrFiler_PicksTheResponsible(int? setting, int? filer, int? expected) =>
        Assert.Equal(expected, new HelpdeskSettings { ResponsibleId = setting }.ResponsibleFor(filer));

    [Fact]
    public void ResponsibleFor_SettingBelowOne_ThrowsNamingTheSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new HelpdeskSettings { ResponsibleId = 0 }.ResponsibleFor(5));

        Assert.Contains("ChatBotHost:Bots:helpdesk:ResponsibleId", error.Message, StringComparison.Ordinal);
    }

    private static Conversation FileTicket(Conversation conversation, string subject, string priority) =>
        conversation
            .Command("/ticket").ExpectReplyContaining("What is the ticket about?")
            .Send(subject).ExpectReply("How urgent is it?")
            .Press(priority).ExpectReplyContaining("Create this ticket?")
            .Press("Yes");
}
