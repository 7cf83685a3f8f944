using System.Security.Cryptography;
using System.Text.Json;
using ChatBotHost.Abstractions.Timers;
using ChatBotHost.Pipeline;
using ChatBotHost.State;

namespace ChatBotHost.Dialogs;

/// <summary>
/// Keeps a conversation's dialog timers in the timer store in step with its stack. Each armed timer carries a fresh
/// token that is also kept on the stack, so a timer that fires after it was superseded is recognised and ignored;
/// timers are written before the turn's state is committed, so a crash between the two can only leave a stale timer.
/// </summary>
internal sealed class DialogTimers(ITimerStore store, TimeProvider time)
{
    public const string PromptKey = "prompt";

    /// <summary>
    /// Arms the timers of the innermost waiting dialog: its inactivity timers when <paramref name="rearmIdle"/> (the user
    /// answered, or the dialog moved), and its question's timeout when the runner (re)showed the question.
    /// </summary>
    public async Task ArmAsync(TurnContext turn, DialogStack stack, DialogCatalog catalog, DialogRunner runner, bool rearmIdle, CancellationToken cancellationToken)
    {
        if (stack.Top is not { Waiting: true } top)
        {
            await CancelAsync(turn, stack, stack.Timers.Keys.ToArray(), cancellationToken);
            return;
        }

        var plan = catalog.PlanOf(top.Dialog);
        if (rearmIdle)
        {
            var stale = stack.Timers.Keys.Where(k => k != PromptKey && !IsIdleKeyOf(k, plan.Timers.Count)).ToArray();
            await CancelAsync(turn, stack, stale, cancellationToken);
            for (var i = 0; i < plan.Timers.Count; i++)
            {
                await ScheduleAsync(turn, stack, plan.Id, IdleKey(i), plan.Timers[i].After, cancellationToken);
            }
        }

        var timeout = runner.CurrentQuestion(top)?.Prompt(catalog.StateOf(top)).Timeout;
        if (timeout is null)
        {
            await CancelAsync(turn, stack, stack.Timers.ContainsKey(PromptKey) ? [PromptKey] : [], cancellationToken);
        }
        else if (runner.PromptShown)
        {
            await ScheduleAsync(turn, stack, plan.Id, PromptKey, timeout.Value, cancellationToken);
        }
    }

    public static string IdleKey(int index) => $"idle{index}";

    /// <summary>The index of an inactivity timer key, or -1 for other keys.</summary>
    public static int IdleIndex(string key) =>
        key.StartsWith("idle", StringComparison.Ordinal) && int.TryParse(key.AsSpan(4), out var index) ? index : -1;

    private static bool IsIdleKeyOf(string key, int count) => IdleIndex(key) is var i && i >= 0 && i < count;

    private async Task ScheduleAsync(TurnContext turn, DialogStack stack, string dialog, string key, TimeSpan after, CancellationToken cancellationToken)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        stack.Timers[key] = token;
        await store.ScheduleAsync(
            new TimerEntry
            {
                Portal = turn.HostedBot.Portal.Key,
                BotCode = turn.BotCode,
                Id = TimerId(turn, key),
                DialogId = turn.DialogId,
                DueAt = time.GetUtcNow() + after,
                Kind = nameof(TimerKind.Dialog),
                Name = dialog,
                Payload = JsonSerializer.Serialize(new DialogTimerPayload(key, token)),
                Language = turn.Language,
            },
            cancellationToken);
    }

    private async Task CancelAsync(TurnContext turn, DialogStack stack, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        foreach (var key in keys)
        {
            stack.Timers.Remove(key);
            await store.CancelAsync(turn.HostedBot.Portal.Key, turn.BotCode, TimerId(turn, key), cancellationToken);
        }
    }

    // One id per (dialog, key): re-arming replaces the stored timer instead of adding another.
    private static string TimerId(TurnContext turn, string key) => $"dialog:{turn.DialogId}:{key}";
}
