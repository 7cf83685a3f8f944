using System.Text.Json;
using ChatBotHost.Abstractions.Dialogs;
using ChatBotHost.Abstractions.Prompts;
using ChatBotHost.Abstractions.Timers;
using ChatBotHost.Abstractions.Turns;
using ChatBotHost.Pipeline;

namespace ChatBotHost.Dialogs;

/// <summary>
/// The dialogs of one conversation during one turn: loads the stack from the dialog state (after the dialog lock),
/// lets the runner move it, then arms its timers, switches the text field and puts it back into the state, which the
/// pipeline commits with a version check.
/// </summary>
internal sealed partial class DialogRun(TurnContext turn, DialogTimers timers, TextFieldSwitch textField, ILogger<DialogRun> logger, LiveBots.BotVersions? versions = null)
    : IDialogControl
{
    private readonly DialogCatalog _catalog = new(turn.Definition, turn.Services);
    // Null outside the bots folder (compiled-in bots, the authors' test kit): frames then carry no version.
    private readonly string? _version = versions?.Of(turn.Definition);
    private DialogStack? _stack;
    private bool _running;

    public async Task<bool> IsWaitingAsync(CancellationToken cancellationToken) =>
        (await LoadAsync(cancellationToken)).Top is { Waiting: true };

    /// <summary>Hands a typed answer to the waiting dialog; false when none waits.</summary>
    public Task<bool> AnswerAsync(PromptInput input, CancellationToken cancellationToken) =>
        RunAsync(runner => runner.AnswerAsync(input, cancellationToken), userActivity: true, cancellationToken);

    /// <summary>Hands a pressed prompt button to the question it belongs to; false when that question is no longer open.</summary>
    public async Task<bool> PressAsync(string token, string value, CancellationToken cancellationToken)
    {
        var stack = await LoadAsync(cancellationToken);
        if (stack.Top is not { Waiting: true, PromptToken: { } open } || !string.Equals(open, token, StringComparison.Ordinal))
        {
            return false;
        }

        return await AnswerAsync(new PromptInput { PressedValue = value }, cancellationToken);
    }

    /// <summary>Runs a dialog timer that came due, unless it was superseded since it was armed.</summary>
    public async Task FireAsync(TimerFired timer, CancellationToken cancellationToken)
    {
        var stack = await LoadAsync(cancellationToken);
        var payload = timer.Payload is null ? null : JsonSerializer.Deserialize<DialogTimerPayload>(timer.Payload);
        if (payload is null || !stack.Timers.TryGetValue(payload.Key, out var token) || !string.Equals(token, payload.Token, StringComparison.Ordinal))
        {
            LogStaleTimer(logger, timer.TimerId);
            return;
        }

        stack.Timers.Remove(payload.Key);
        await RunAsync(
            async runner =>
            {
                if (payload.Key == DialogTimers.PromptKey)
                {
                    await runner.PromptTimedOutAsync(cancellationToken);
                }
                else if (DialogTimers.IdleIndex(payload.Key) is var index && index >= 0
                    && _catalog.PlanOf(stack.Top!.Dialog).Timers is var declared && index < declared.Count)
                {
                    await runner.InactiveAsync(declared[index], cancellationToken);
                }

                return true;
            },
            userActivity: false,
            cancellationToken);
    }

    public Task BeginAsync<TDialog>(object? args, CancellationToken cancellationToken)
        where TDialog : DialogBase =>
        RunAsync(
            async runner =>
            {
                await runner.BeginAsync(typeof(TDialog), args, cancellationToken);
                return true;
            },
            userActivity: true,
            cancellationToken);

    public Task<bool> CancelAllAsync(CancellationToken cancellationToken) =>
        RunAsync(runner => runner.EndAllAsync(DialogEndReason.Cancelled, cancellationToken), userActivity: true, cancellationToken);

    public Task<bool> RepromptAsync(CancellationToken cancellationToken) =>
        RunAsync(runner => runner.RepromptAsync(cancellationToken), userActivity: false, cancellationToken);

    public async Task<string?> ActiveAsync(CancellationToken cancellationToken) =>
        (await LoadAsync(cancellationToken)).Top?.Dialog;

    private async Task<bool> RunAsync(Func<DialogRunner, Task<bool>> operation, bool userActivity, CancellationToken cancellationToken)
    {
        if (_running)
        {
            // A second runner would move the stack under the first one: questions asked twice, a new dialog popped at once.
            throw new InvalidOperationException(
                "turn.Dialogs cannot begin, cancel or re-ask while a dialog's step or OnEndAsync runs; "
                + "return step.Begin<T>(), step.Replace<T>() or step.Cancel() from the step instead.");
        }

        _running = true;
        try
        {
            return await MoveAsync(operation, userActivity, cancellationToken);
        }
        finally
        {
            _running = false;
        }
    }

    private async Task<bool> MoveAsync(Func<DialogRunner, Task<bool>> operation, bool userActivity, CancellationToken cancellationToken)
    {
        var stack = await LoadAsync(cancellationToken);
        var runner = new DialogRunner(turn, stack, _catalog);
        var result = await operation(runner);
        _catalog.WriteBack();
        await timers.ArmAsync(turn, stack, _catalog, runner, rearmIdle: userActivity || runner.Moved, cancellationToken);
        var wantOff = stack.Top is { Waiting: true } top
            && runner.CurrentQuestion(top)?.Prompt(_catalog.StateOf(top)).DisablesTextField == true;
        await textField.SyncAsync(turn, stack, wantOff, cancellationToken);
        Save(stack);
        return result;
    }

    private async Task<DialogStack> LoadAsync(CancellationToken cancellationToken)
    {
        if (_stack is null)
        {
            _stack = await turn.State.GetAsync<DialogStack>(DialogStack.StateName, cancellationToken) ?? new DialogStack();
            if (_stack.Frames.Find(f => !_catalog.Knows(f.Dialog)) is { } unknown)
            {
                // The bot no longer declares a dialog this conversation was in (renamed or removed): start over.
                LogUnknownDialog(logger, unknown.Dialog, turn.BotCode);
                _stack.Frames.Clear();

                // Nothing waits any more, so nothing may keep the user from typing.
                await textField.SyncAsync(turn, _stack, wantOff: false, cancellationToken);
                Save(_stack);
            }
            else if (_stack.Frames.Find(f => f.BotVersion != _version && !Fits(f)) is { } misfit)
            {
                // A reload changed the dialog's state type so this conversation's saved state no longer reads:
                // end the dialogs and tell the user, rather than fail every turn of the conversation.
                LogStateMisfit(logger, misfit.Dialog, turn.BotCode, misfit.BotVersion ?? "-", _version ?? "-");
                _stack.Frames.Clear();
                await textField.SyncAsync(turn, _stack, wantOff: false, cancellationToken);
                Save(_stack);
                await turn.ReplyAsync(DialogResetTexts.BotUpdated.In(turn.Culture), cancellationToken);
            }
        }

        return _stack;
    }

    private bool Fits(DialogFrame frame)
    {
        try
        {
            _ = _catalog.StateOf(frame);
            return true;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            return false;
        }
    }

    private void Save(DialogStack stack)
    {
        // Every frame was read by this version (or written by it) when the stack loaded: stamp them with it.
        foreach (var frame in stack.Frames)
        {
            frame.BotVersion = _version;
        }

        if (stack.IsEmpty && stack.Timers.Count == 0 && !stack.TextFieldOff)
        {
            turn.State.Remove(DialogStack.StateName);
        }
        else
        {
            turn.State.Set(DialogStack.StateName, stack);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored dialog timer {TimerId}: the dialog moved on since it was armed")]
    private static partial void LogStaleTimer(ILogger logger, string timerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dialog {Dialog} of bot {Bot}: its state, written by version {Written}, does not fit version {Version}; the conversation's dialogs were ended and the user told")]
    private static partial void LogStateMisfit(ILogger logger, string dialog, string bot, string written, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot {Bot} no longer declares dialog {Dialog}; the conversation's dialogs were dropped")]
    private static partial void LogUnknownDialog(ILogger logger, string dialog, string bot);
}
