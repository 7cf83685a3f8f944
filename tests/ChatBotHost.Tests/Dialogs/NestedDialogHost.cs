using ChatBotHost.Abstractions.Turns;
using ChatBotHost.Testing;
using ChatBotHost.Tests.Dialogs.Flows;
using ChatBotHost.Tests.Dialogs.Support;

namespace ChatBotHost.Tests.Dialogs;

/// <summary>A bot with the parent/child test dialogs and commands that start each of them.</summary>
internal static class NestedDialogHost
{
    public static BotTestHost Create(Action<BotTestOptions>? configure = null) => DialogTestHost.Create(
        bot => bot
            .Dialog<ParentDialog>()
            .Dialog<GreetingDialog>()
            .Dialog<ReplacingDialog>()
            .Dialog<NumberDialog>()
            .Starts<ParentDialog>("start")
            .Starts<ParentDialog>("replace", ParentDialog.Replacing)
            .Starts<ParentDialog>("count", ParentDialog.Number)
            .Starts<GreetingDialog>("greet", new GreetingArgs("Cy"))
            .Starts<ReplacingDialog>("swap")
            .Starts<NumberDialog>("number")
            .CancelCommand()
            .Command("which", "Which dialog", async (_, turn, ct) => await turn.ReplyAsync(await turn.Dialogs.ActiveAsync(ct) ?? "none", ct)),
        configure);
}
