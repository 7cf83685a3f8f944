using System.Security.Cryptography;
using System.Text.Json;
using ChatBotHost.Abstractions.Dialogs;
using ChatBotHost.Abstractions.Localization;
using ChatBotHost.Abstractions.Prompts;
using ChatBotHost.Abstractions.Turns;

namespace ChatBotHost.Dialogs;

/// <summary>
/// Moves a conversation's dialog stack through one turn: runs steps until a question or a Wait holds, ends dialogs
/// (each through its OnEndAsync) and hands their outcome to the parent.
/// </summary>
internal sealed class DialogRunner(ITurnContext turn, DialogStack stack, DialogCatalog catalog)
{
    /// <summary>True once the stack's position changed this turn (a step ran, a dialog began or ended).</summary>
    public bool Moved { get; private set; }

    /// <summary>True when a question was shown (or shown again) this turn.</summary>
    public bool PromptShown { get; private set; }

    public async Task BeginAsync(Type dialogType, object? args, CancellationToken cancellationToken)
    {
        var id = catalog.IdOf(dialogType);
        await EndAllAsync(DialogEndReason.Replaced, cancellationToken);
        stack.Push(new DialogFrame { Dialog = id, Args = ToJson(args) });
        Moved = true;
        await RunAsync(default, cancellationToken);
    }

    public async Task<bool> EndAllAsync(DialogEndReason reason, CancellationToken cancellationToken)
    {
        var any = !stack.IsEmpty;
        while (!stack.IsEmpty)
        {
            await EndTopAsync(reason, null, cancellationToken);
        }

        return any;
    }

    /// <summary>Hands the user's answer to the waiting dialog; false when none waits.</summary>
    public async Task<bool> AnswerAsync(PromptInput input, CancellationToken cancellationToken)
    {
        if (stack.Top is not { Waiting: true } frame)
        {
            return false;
        }

        Moved = true;
        frame.Waiting = false;
        if (CurrentQuestion(frame) is not { } ask)
        {
            // The previous step returned Wait: the answer goes to the next step.
            await RunAsync(new StepInput(Input: input), cancellationToken);
            return true;
        }

        var state = catalog.StateOf(frame);
        var recognition = ask.Prompt(state).Recognize(input, turn.Culture);
        if (recognition.Succeeded)
        {
            ask.Store(state, recognition.Value);
            frame.Step++;
            frame.Attempts = 0;
            frame.PromptToken = null;
            await RunAsync(default, cancellationToken);
        }
        else
        {
            await RefuseAsync(frame, ask, recognition.Error ?? PromptTexts.NeedText, cancellationToken);
        }

        return true;
    }

    /// <summary>The waiting question went unanswered for its timeout: counts as a refused answer.</summary>
    public async Task PromptTimedOutAsync(CancellationToken cancellationToken)
    {
        if (stack.Top is { Waiting: true } frame && CurrentQuestion(frame) is { } ask)
        {
            frame.Waiting = false;
            await RefuseAsync(frame, ask, PromptTexts.StillWaiting, cancellationToken);
        }
    }

    /// <summary>Runs an inactivity handler of the innermost dialog.</summary>
    public async Task InactiveAsync(InactivityTimer timer, CancellationToken cancellationToken)
    {
        if (stack.Top is not { } frame)
        {
            return;
        }

        var decision = await timer.Run(ContextFor(frame, new StepInput(ByTimer: true)), cancellationToken);
        if (decision.Kind == DialogTurnKind.Wait)
        {
            return;
        }

        // Anything but Wait leaves the question behind: a later press of its buttons must not count.
        frame.Waiting = false;
        frame.PromptToken = null;
        Moved = true;
        if (await ApplyAsync(frame, decision, byTimer: true, cancellationToken) is { } next)
        {
            await RunAsync(next, cancellationToken);
        }
    }

    public async Task<bool> RepromptAsync(CancellationToken cancellationToken)
    {
        if (stack.Top is not { Waiting: true } frame || CurrentQuestion(frame) is not { } ask)
        {
            return false;
        }

        await AskAsync(frame, ask, error: null, cancellationToken);
        return true;
    }

    /// <summary>The question the frame waits on, or null when it waits after a Wait step.</summary>
    public AskStep? CurrentQuestion(DialogFrame frame)
    {
        // Only a question that was shown carries a token. After a Wait the frame already points at the next step, which
        // may be a question the user has not seen: their message runs it (asks it), it does not answer it.
        if (frame.PromptToken is null)
        {
            return null;
        }

        var steps = catalog.PlanOf(frame.Dialog).Steps;
        return frame.Step < steps.Count ? steps[frame.Step] as AskStep : null;
    }

    // Runs the innermost dialog from its current step until a question or a Wait holds, or the stack empties.
    private async Task RunAsync(StepInput input, CancellationToken cancellationToken)
    {
        var next = input;
        while (stack.Top is { } frame)
        {
            var steps = catalog.PlanOf(frame.Dialog).Steps;
            if (frame.Step >= steps.Count)
            {
                next = await EndTopAsync(DialogEndReason.Completed, null, cancellationToken);
                continue;
            }

            if (steps[frame.Step] is AskStep ask)
            {
                frame.Attempts = 0;
                await AskAsync(frame, ask, error: null, cancellationToken);
                return;
            }

            var decision = await ((CodeStep)steps[frame.Step]).Run(ContextFor(frame, next), cancellationToken);
            if (await ApplyAsync(frame, decision, byTimer: false, cancellationToken) is not { } after)
            {
                return;
            }

            next = after;
        }
    }

    // Carries out a step's decision; null when the dialog now waits for the user.
    private async Task<StepInput?> ApplyAsync(DialogFrame frame, DialogTurn decision, bool byTimer, CancellationToken cancellationToken)
    {
        Moved = true;
        switch (decision.Kind)
        {
            case DialogTurnKind.Next:
                frame.Step++;
                return default(StepInput);
            case DialogTurnKind.Wait:
                frame.Step++;
                frame.Waiting = true;
                return null;
            case DialogTurnKind.End:
                return await EndTopAsync(DialogEndReason.Completed, decision.Value, cancellationToken);
            case DialogTurnKind.Cancel:
                return await EndTopAsync(byTimer ? DialogEndReason.TimedOut : DialogEndReason.Cancelled, null, cancellationToken);
            case DialogTurnKind.Begin:
                frame.Step++;
                stack.Push(new DialogFrame { Dialog = catalog.IdOf(decision.Dialog!), Args = ToJson(decision.Value) });
                return default(StepInput);
            case DialogTurnKind.Replace:
                var replacement = catalog.IdOf(decision.Dialog!);
                await EndTopAsync(DialogEndReason.Replaced, null, cancellationToken);
                stack.Push(new DialogFrame { Dialog = replacement, Args = ToJson(decision.Value) });
                return default(StepInput);
            default:
                throw new InvalidOperationException($"Unknown dialog decision {decision.Kind}.");
        }
    }

    // The one way a dialog leaves the stack: its OnEndAsync runs, then the parent gets the outcome.
    private async Task<StepInput> EndTopAsync(DialogEndReason reason, object? result, CancellationToken cancellationToken)
    {
        var frame = stack.Top!;
        await catalog.PlanOf(frame.Dialog).OnEnd(ContextFor(frame, default), reason, result, cancellationToken);
        stack.Pop();
        Moved = true;
        return new StepInput(ChildResult: reason == DialogEndReason.Completed ? ToJson(result) : null, ChildEnd: reason);
    }

    private async Task RefuseAsync(DialogFrame frame, AskStep ask, LocalizedText error, CancellationToken cancellationToken)
    {
        var prompt = ask.Prompt(catalog.StateOf(frame));
        frame.Attempts++;
        if (frame.Attempts >= prompt.MaxAttempts)
        {
            frame.PromptToken = null;
            var next = await EndTopAsync(DialogEndReason.NoValidAnswer, null, cancellationToken);
            await RunAsync(next, cancellationToken);
            return;
        }

        await AskAsync(frame, ask, error, cancellationToken);
    }

    private async Task AskAsync(DialogFrame frame, AskStep ask, LocalizedText? error, CancellationToken cancellationToken)
    {
        var prompt = ask.Prompt(catalog.StateOf(frame));
        frame.PromptToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        frame.Waiting = true;
        PromptShown = true;
        var rendering = new PromptRendering(turn.BotId, turn.Culture, frame.PromptToken, error?.In(turn.Culture));
        await turn.ReplyAsync(prompt.Render(rendering), cancellationToken);
    }

    private DialogFrameContext ContextFor(DialogFrame frame, StepInput input) =>
        new(turn, catalog.StateOf(frame))
        {
            Input = input.Input,
            Args = frame.Args,
            ChildResult = input.ChildResult,
            ChildEnd = input.ChildEnd,
            ByTimer = input.ByTimer,
        };

    private static System.Text.Json.Nodes.JsonNode? ToJson(object? value) =>
        value is null ? null : JsonSerializer.SerializeToNode(value, value.GetType(), DialogJson.Options);
}
