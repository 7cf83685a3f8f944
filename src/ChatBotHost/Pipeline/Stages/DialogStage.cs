using ChatBotHost.Abstractions.Localization;
using ChatBotHost.Abstractions.Prompts;
using ChatBotHost.Abstractions.Timers;
using ChatBotHost.Abstractions.Turns;
using ChatBotHost.Bitrix.Events;

namespace ChatBotHost.Pipeline.Stages;

/// <summary>
/// Gives a running dialog the events that belong to it, before the bot's routes: a message while a dialog waits, a press
/// of a prompt button, a dialog timer. The bot's own commands still reach their routes while a dialog runs, so /help
/// or /cancel interrupt it (a command handler decides whether to cancel or re-ask).
/// </summary>
internal sealed class DialogStage : ITurnStage
{
    public async Task InvokeAsync(TurnContext turn, TurnStep next, CancellationToken cancellationToken)
    {
        if (turn.Definition.Dialogs.Count == 0 || !await HandleAsync(turn, cancellationToken))
        {
            await next(turn, cancellationToken);
            return;
        }

        turn.Outcome = TurnOutcome.Handled;
    }

    private static async Task<bool> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var dialogs = turn.DialogRun;
        switch (turn.Event)
        {
            case TimerFired { Kind: TimerKind.Dialog } timer:
                await dialogs.FireAsync(timer, cancellationToken);
                return true;
            case CommandInvoked { Name: AnswerButton.Command } press:
                if (!AnswerButton.TryParse(press.Params, out var token, out var value)
                    || !await dialogs.PressAsync(token, value, cancellationToken))
                {
                    await turn.AnswerCommandAsync(PromptTexts.QuestionClosed.In(turn.Culture), cancellationToken);
                }

                return true;
            case MessageAdded message when await dialogs.IsWaitingAsync(cancellationToken):
                return await dialogs.AnswerAsync(new PromptInput { Text = message.Message.Text }, cancellationToken);
            default:
                return false;
        }
    }
}
