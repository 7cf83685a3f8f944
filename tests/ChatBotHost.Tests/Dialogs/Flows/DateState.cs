namespace ChatBotHost.Tests.Dialogs.Flows;

public sealed class DateState
{
    public string Zone { get; set; } = "UTC";

    public DateTimeOffset When { get; set; }
}
