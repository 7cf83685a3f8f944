using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBotHost.Abstractions.Timers;
using ChatBotHost.Bitrix.Entities;
using ChatBotHost.Bitrix.Events;
using ChatBotHost.Dialogs;
using ChatBotHost.Hosting;
using ChatBotHost.Pipeline;
using ChatBotHost.State;
using ChatBotHost.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBotHost.Tests.Dialogs.Support;

/// <summary>
/// Reads the tokens of a conversation's armed dialog timers and fires a dialog timer by hand, as a timer left behind
/// in the store (armed before a turn that was then superseded) would arrive.
/// </summary>
internal static class DialogTimerShots
{
    public static async Task<string?> TokenOfAsync(BotTestHost host, Conversation user, string timerKey)
    {
        var bot = BotOf(host);
        var stored = await host.Services.GetRequiredService<IDialogStateStore>()
            .LoadAsync(new DialogKey(bot.Portal.Key, bot.BotId, user.DialogId), CancellationToken.None);
        var state = stored is null ? null : JsonNode.Parse(stored.Json);
        return (string?)state?[DialogStack.StateName]?["timers"]?[timerKey];
    }

    public static Task<TurnOutcome> FireAsync(BotTestHost host, Conversation user, string dialog, string timerKey, string token)
    {
        var bot = BotOf(host);
        var now = host.Clock.GetUtcNow();
        var timer = new TimerFired
        {
            Source = EventSource.Internal,
            Date = now,
            Bot = new BotInfo { Id = bot.BotId, Code = bot.Code },
            Kind = TimerKind.Dialog,
            Name = dialog,
            TimerId = $"dialog:{user.DialogId}:{timerKey}",
            DueAt = now,
            Payload = JsonSerializer.Serialize(new DialogTimerPayload(timerKey, token)),
            TargetDialogId = user.DialogId,
        };
        return host.Services.GetRequiredService<TurnPipeline>().ProcessAsync(bot, timer, CancellationToken.None);
    }

    private static HostedBot BotOf(BotTestHost host) => host.Services.GetRequiredService<BotDirectory>().All.Single();
}
