namespace ChatBotHost.Tests.Dialogs.Flows;

public sealed class PersonState
{
    public string Name { get; set; } = "";

    public string City { get; set; } = "";
}
