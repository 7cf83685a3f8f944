namespace ChatBotHost.Abstractions.Dialogs;

/// <summary>What a dialog does after a step.</summary>
public enum DialogTurnKind
{
    /// <summary>Run the next step now.</summary>
    Next,

    /// <summary>Wait for the user; their next message goes to the next step (in a timer: keep waiting where it was).</summary>
    Wait,

    /// <summary>End the dialog with a result.</summary>
    End,

    /// <summary>Cancel the dialog.</summary>
    Cancel,

    /// <summary>Start a child dialog; the next step runs with its result.</summary>
    Begin,

    /// <summary>End the dialog and start another in its place.</summary>
    Replace,
}
