namespace ChatBotHost.Abstractions.Dialogs;

/// <summary>Starts and stops the dialogs of the conversation a turn belongs to; reached as <c>turn.Dialogs</c>.</summary>
public interface IDialogControl
{
    /// <summary>Starts a dialog declared with <c>bot.Dialog&lt;T&gt;()</c>, replacing any dialog the conversation is in.</summary>
    Task BeginAsync<TDialog>(object? args, CancellationToken cancellationToken)
        where TDialog : DialogBase;

    /// <summary>Cancels every running dialog, innermost first; false when none was running.</summary>
    Task<bool> CancelAllAsync(CancellationToken cancellationToken);

    /// <summary>Asks the waiting question again (after an interruption such as /help); false when nothing waits.</summary>
    Task<bool> RepromptAsync(CancellationToken cancellationToken);

    /// <summary>The id (class name) of the innermost running dialog, or null.</summary>
    Task<string?> ActiveAsync(CancellationToken cancellationToken);
}
