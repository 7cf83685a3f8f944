namespace ChatBotHost.Dialogs;

/// <summary>What a dialog timer carries: which timer it is and the token it was armed with.</summary>
internal sealed record DialogTimerPayload(string Key, string Token);
