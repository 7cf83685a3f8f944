using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Abstractions.Dialogs;
using ChatBotHost.Abstractions.Turns;
using ChatBotHost.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBotHost.Tests.Dialogs.Support;

/// <summary>Starts a <see cref="BotTestHost"/> for a <see cref="ScriptedBot"/>, and the commands most tests declare.</summary>
public static class DialogTestHost
{
    public const string NothingToCancel = "Nothing to cancel.";

    public static BotTestHost Create(Action<BotBuilder> declare, Action<BotTestOptions>? configure = null) =>
        BotTestHost.Create<ScriptedBot>(options =>
        {
            configure?.Invoke(options);
            var more = options.ConfigureServices;
            options.ConfigureServices = services =>
            {
                services.AddSingleton(new BotScript(declare));
                services.AddSingleton<DialogLog>();
                more?.Invoke(services);
            };
        });

    /// <summary>What the test dialogs of this host logged.</summary>
    public static IReadOnlyList<string> DialogLog(this BotTestHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.Services.GetRequiredService<DialogLog>().Entries;
    }

    /// <summary>Declares a command that starts the (separately declared) dialog with <paramref name="args"/>.</summary>
    public static BotBuilder Starts<TDialog>(this BotBuilder bot, string command = "start", object? args = null)
        where TDialog : DialogBase
    {
        ArgumentNullException.ThrowIfNull(bot);
        return bot.Command(command, command, (_, turn, ct) => turn.Dialogs.BeginAsync<TDialog>(args, ct));
    }

    /// <summary>Declares /cancel: cancels every running dialog, or says there was none.</summary>
    public static BotBuilder CancelCommand(this BotBuilder bot)
    {
        ArgumentNullException.ThrowIfNull(bot);
        return bot.Command("cancel", "Cancel", async (_, turn, ct) =>
        {
            if (!await turn.Dialogs.CancelAllAsync(ct))
            {
                await turn.ReplyAsync(NothingToCancel, ct);
            }
        });
    }
}
