namespace ChatBotHost.Tests.Dialogs.Flows;

public sealed class NumberState
{
    public decimal Count { get; set; }
}
