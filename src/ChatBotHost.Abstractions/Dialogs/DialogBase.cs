namespace ChatBotHost.Abstractions.Dialogs;

/// <summary>
/// What the dialog engine knows of any dialog. Derive from <see cref="Dialog{TState}"/>; the class name is stored with a
/// running dialog, so renaming a dialog class abandons conversations that are in it.
/// </summary>
public abstract class DialogBase
{
    // Only Dialog<TState> in this assembly can implement this, which keeps the engine's view out of the public API.
    internal abstract DialogPlan BuildPlan();

    /// <summary>The id stored with a running dialog: the class name.</summary>
    public static string IdOf(Type dialogType)
    {
        ArgumentNullException.ThrowIfNull(dialogType);
        return dialogType.Name;
    }
}
