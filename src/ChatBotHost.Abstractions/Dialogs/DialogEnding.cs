using ChatBotHost.Abstractions.Turns;

namespace ChatBotHost.Abstractions.Dialogs;

/// <summary>A dialog that is ending: why, with which state and result. The one place to say goodbye or clean up.</summary>
public sealed class DialogEnding<TState>
    where TState : class, new()
{
    internal DialogEnding(ITurnContext turn, TState state, DialogEndReason reason, object? result)
    {
        Turn = turn;
        State = state;
        Reason = reason;
        Result = result;
    }

    /// <summary>The turn in which the dialog ends.</summary>
    public ITurnContext Turn { get; }

    /// <summary>The dialog's state at the end.</summary>
    public TState State { get; }

    /// <summary>Why it ends.</summary>
    public DialogEndReason Reason { get; }

    /// <summary>The result handed to the parent (Completed only).</summary>
    public object? Result { get; }

    /// <summary>Sends a text into the dialog.</summary>
    public Task<int> ReplyAsync(string text, CancellationToken cancellationToken) => Turn.ReplyAsync(text, cancellationToken);
}
