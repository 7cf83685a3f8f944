namespace ChatBotHost.Abstractions.Dialogs;

/// <summary>What a step decided; made by the methods of <see cref="DialogStep{TState}"/>.</summary>
public sealed record DialogTurn
{
    private DialogTurn(DialogTurnKind kind, object? value = null, Type? dialog = null)
    {
        Kind = kind;
        Value = value;
        Dialog = dialog;
    }

    /// <summary>What happens next.</summary>
    public DialogTurnKind Kind { get; }

    /// <summary>The result (End) or the arguments of the dialog to start (Begin, Replace).</summary>
    public object? Value { get; }

    /// <summary>The dialog to start (Begin, Replace).</summary>
    public Type? Dialog { get; }

    internal static DialogTurn Next { get; } = new(DialogTurnKind.Next);

    internal static DialogTurn Wait { get; } = new(DialogTurnKind.Wait);

    internal static DialogTurn Cancel { get; } = new(DialogTurnKind.Cancel);

    internal static DialogTurn End(object? result) => new(DialogTurnKind.End, result);

    internal static DialogTurn Begin(Type dialog, object? args) => new(DialogTurnKind.Begin, args, dialog);

    internal static DialogTurn Replace(Type dialog, object? args) => new(DialogTurnKind.Replace, args, dialog);
}
