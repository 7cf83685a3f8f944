using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Requests.ChatUi;
using ChatBotHost.Pipeline;

namespace ChatBotHost.Dialogs;

/// <summary>
/// Turns the chat's text field off while a question waits that only buttons answer, and on again afterwards
/// (imbot.v2.Chat.TextField.enabled). A refusal by the portal is logged and does not fail the turn: the question
/// still works with the text field on.
/// </summary>
internal sealed partial class TextFieldSwitch(ILogger<TextFieldSwitch> logger)
{
    public async Task SyncAsync(TurnContext turn, DialogStack stack, bool wantOff, CancellationToken cancellationToken)
    {
        if (wantOff == stack.TextFieldOff || turn.DialogId is not { } dialogId)
        {
            return;
        }

        try
        {
            await turn.Api.CallAsync(new ChatTextFieldEnabledRequest { DialogId = dialogId, Enabled = !wantOff }, cancellationToken);
            stack.TextFieldOff = wantOff;
        }
        catch (BitrixApiException ex) when (!ex.IsTransient)
        {
            LogRefused(logger, ex.Error, dialogId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The portal refused to switch the text field of dialog {DialogId}: {Error}")]
    private static partial void LogRefused(ILogger logger, string error, string dialogId);
}
