namespace ChatBotHost.Tests.Dialogs.Flows;

public sealed class ConfirmState
{
    public bool Confirmed { get; set; }
}
