namespace ChatBotHost.Abstractions.Dialogs;

/// <summary>Shorthands for starting dialogs.</summary>
public static class DialogControlExtensions
{
    /// <summary>Starts a dialog without arguments.</summary>
    public static Task BeginAsync<TDialog>(this IDialogControl dialogs, CancellationToken cancellationToken)
        where TDialog : DialogBase
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        return dialogs.BeginAsync<TDialog>(null, cancellationToken);
    }
}
