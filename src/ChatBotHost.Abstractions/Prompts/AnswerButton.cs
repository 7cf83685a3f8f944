namespace ChatBotHost.Abstractions.Prompts;

/// <summary>
/// The hidden command every bot with dialogs registers for prompt buttons: a press arrives as ONIMBOTV2COMMANDADD with
/// context "keyboard" and COMMAND_PARAMS "token|value", which the dialog engine hands to the waiting prompt.
/// </summary>
public static class AnswerButton
{
    /// <summary>The command name; reserved, a bot cannot declare it itself.</summary>
    public const string Command = "answer";

    /// <summary>The COMMAND_PARAMS of a button answering the prompt shown with <paramref name="token"/>.</summary>
    public static string Params(string token, string value) => $"{token}|{value}";

    /// <summary>Splits COMMAND_PARAMS back into the prompt token and the value.</summary>
    public static bool TryParse(string commandParams, out string token, out string value)
    {
        ArgumentNullException.ThrowIfNull(commandParams);
        var separator = commandParams.IndexOf('|', StringComparison.Ordinal);
        token = separator > 0 ? commandParams[..separator] : "";
        value = separator > 0 ? commandParams[(separator + 1)..] : "";
        return separator > 0;
    }
}
