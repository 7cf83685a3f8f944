namespace ChatBotHost.Abstractions.Messages;

/// <summary>What the messenger does itself when an ACTION button is pressed; the bot receives no press event.</summary>
public enum ButtonAction
{
    /// <summary>Puts the action value into the user's input field (wire: PUT).</summary>
    Put,

    /// <summary>Sends the action value as the user's message (wire: SEND).</summary>
    Send,

    /// <summary>Copies the action value to the clipboard (wire: COPY).</summary>
    Copy,

    /// <summary>Calls the phone number in the action value (wire: CALL).</summary>
    Call,

    /// <summary>Opens the dialog in the action value, "chatNNN" or a user id (wire: DIALOG).</summary>
    Dialog,
}
