namespace ChatBotHost.Abstractions.Dialogs;

/// <summary>
/// A multi-step conversation with typed state: <see cref="Define"/> lists its steps (questions and code) and its
/// inactivity timers; <see cref="OnEndAsync"/> is the one place it ends, whatever ended it. An instance is created per
/// turn through dependency injection, so constructors may take services and settings.
/// </summary>
/// <typeparam name="TState">Saved with the dialog after every turn as JSON; a plain class with settable properties.</typeparam>
public abstract class Dialog<TState> : DialogBase
    where TState : class, new()
{
    /// <summary>Lists the steps, in order, and the inactivity timers.</summary>
    protected abstract void Define(DialogBuilder<TState> dialog);

    /// <summary>Runs when the dialog ends for any reason, before its parent (if any) continues.</summary>
    protected virtual Task OnEndAsync(DialogEnding<TState> ending, CancellationToken cancellationToken) => Task.CompletedTask;

    internal sealed override DialogPlan BuildPlan()
    {
        var builder = new DialogBuilder<TState>();
        Define(builder);
        return builder.Build(
            IdOf(GetType()),
            (frame, reason, result, ct) => OnEndAsync(new DialogEnding<TState>(frame.Turn, (TState)frame.State, reason, result), ct));
    }
}
