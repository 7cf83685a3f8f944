using System.Text.Json;
using ChatBotHost.Abstractions.Prompts;
using ChatBotHost.Abstractions.Turns;

namespace ChatBotHost.Abstractions.Dialogs;

/// <summary>What a step of a dialog sees, and the ways it can decide what happens next.</summary>
public sealed class DialogStep<TState>
    where TState : class, new()
{
    private readonly DialogFrameContext _frame;

    internal DialogStep(DialogFrameContext frame) => _frame = frame;

    /// <summary>The turn: the event, replies, the API, services.</summary>
    public ITurnContext Turn => _frame.Turn;

    /// <summary>The dialog's state; changes are saved with the turn.</summary>
    public TState State => (TState)_frame.State;

    /// <summary>The user's message when the step follows a <see cref="Wait"/>; null otherwise.</summary>
    public PromptInput? Input => _frame.Input;

    /// <summary>Why the child dialog started by the previous step ended; null when no child ran.</summary>
    public DialogEndReason? ChildEnd => _frame.ChildEnd;

    /// <summary>True when an inactivity timer runs this handler.</summary>
    public bool ByTimer => _frame.ByTimer;

    /// <summary>The result of the child dialog started by the previous step, or default.</summary>
    public T? Result<T>() => _frame.ChildResult is { } node ? node.Deserialize<T>(DialogJson.Options) : default;

    /// <summary>The arguments this dialog was started with, or default.</summary>
    public T? Args<T>() => _frame.Args is { } node ? node.Deserialize<T>(DialogJson.Options) : default;

    /// <summary>Sends a text into the dialog.</summary>
    public Task<int> ReplyAsync(string text, CancellationToken cancellationToken) => Turn.ReplyAsync(text, cancellationToken);

    /// <summary>Runs the next step now.</summary>
    public DialogTurn Next() => DialogTurn.Next;

    /// <summary>Waits for the user; their next message runs the next step (in an inactivity handler: keeps waiting).</summary>
    public DialogTurn Wait() => DialogTurn.Wait;

    /// <summary>Ends the dialog; its parent, if any, continues with <paramref name="result"/>.</summary>
    public DialogTurn End(object? result = null) => DialogTurn.End(result);

    /// <summary>Cancels the dialog (from an inactivity handler the reason is <see cref="DialogEndReason.TimedOut"/>).</summary>
    public DialogTurn Cancel() => DialogTurn.Cancel;

    /// <summary>Starts a child dialog; when it ends, the next step runs and reads its result with <see cref="Result{T}"/>.</summary>
    public DialogTurn Begin<TDialog>(object? args = null)
        where TDialog : DialogBase => DialogTurn.Begin(typeof(TDialog), args);

    /// <summary>Ends this dialog and starts another in its place; the parent continues with the new one's result.</summary>
    public DialogTurn Replace<TDialog>(object? args = null)
        where TDialog : DialogBase => DialogTurn.Replace(typeof(TDialog), args);
}
