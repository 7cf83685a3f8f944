namespace ChatBotHost.Tests.Dialogs.Flows;

public sealed class GreetingState
{
    public string Name { get; set; } = "";

    public string Message { get; set; } = "";
}
