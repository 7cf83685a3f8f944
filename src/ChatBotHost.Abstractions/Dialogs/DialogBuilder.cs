using ChatBotHost.Abstractions.Prompts;

namespace ChatBotHost.Abstractions.Dialogs;

/// <summary>Collects a dialog's steps in order, and its inactivity timers.</summary>
public sealed class DialogBuilder<TState>
    where TState : class, new()
{
    private readonly List<DialogStepDefinition> _steps = [];
    private readonly List<InactivityTimer> _timers = [];

    internal DialogBuilder()
    {
    }

    /// <summary>Asks a question and stores the valid answer into the state; the prompt is the same every time.</summary>
    public DialogBuilder<TState> Ask<TValue>(Prompt<TValue> prompt, Action<TState, TValue> store)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return Ask(_ => prompt, store);
    }

    /// <summary>
    /// Asks a question built from the state (e.g. naming an earlier answer) and stores the valid answer into the state.
    /// The builder runs again whenever the answer is read, so it must only build the prompt.
    /// </summary>
    public DialogBuilder<TState> Ask<TValue>(Func<TState, Prompt<TValue>> prompt, Action<TState, TValue> store)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(store);
        _steps.Add(new AskStep(state => prompt((TState)state), (state, value) => store((TState)state, (TValue)value!)));
        return this;
    }

    /// <summary>Adds a step of code that may reply, start a child dialog, wait, end or cancel.</summary>
    public DialogBuilder<TState> Step(Func<DialogStep<TState>, CancellationToken, Task<DialogTurn>> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        _steps.Add(new CodeStep((frame, ct) => step(new DialogStep<TState>(frame), ct)));
        return this;
    }

    /// <summary>Adds a step that decides without awaiting anything.</summary>
    public DialogBuilder<TState> Step(Func<DialogStep<TState>, DialogTurn> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        _steps.Add(new CodeStep((frame, _) => Task.FromResult(step(new DialogStep<TState>(frame)))));
        return this;
    }

    /// <summary>
    /// Runs <paramref name="handler"/> once the dialog has waited <paramref name="after"/> without hearing from the user,
    /// even if the user never writes again; every answer restarts the wait. Return <c>Wait()</c> to keep waiting
    /// (a reminder) or <c>Cancel()</c> to give up (the dialog then ends as TimedOut).
    /// </summary>
    public DialogBuilder<TState> AfterInactivity(TimeSpan after, Func<DialogStep<TState>, CancellationToken, Task<DialogTurn>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(after, TimeSpan.Zero);
        _timers.Add(new InactivityTimer(after, (frame, ct) => handler(new DialogStep<TState>(frame), ct)));
        return this;
    }

    internal DialogPlan Build(string id, Func<DialogFrameContext, DialogEndReason, object?, CancellationToken, Task> onEnd)
    {
        if (_steps.Count == 0)
        {
            throw new InvalidOperationException($"Dialog {id} defines no steps.");
        }

        return new DialogPlan(id, typeof(TState), _steps.ToArray(), _timers.ToArray(), onEnd);
    }
}
