namespace ChatBotHost.Tests.Dialogs.Flows;

public sealed class ColourState
{
    public bool ButtonsOnly { get; set; }

    public string Colour { get; set; } = "";

    public string Comment { get; set; } = "";
}
