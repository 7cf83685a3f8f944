namespace ChatBotHost.Tests.Dialogs.Flows;

public sealed class ParentState
{
    public string Child { get; set; } = "";
}
