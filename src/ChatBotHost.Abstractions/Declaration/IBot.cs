namespace ChatBotHost.Abstractions.Declaration;

/// <summary>
/// A bot hosted by ChatBotHost. Put one class implementing this anywhere under bots/ and the host
/// registers it on the portal at start-up and routes its events to the handlers it declares.
/// The class is created through dependency injection, so its constructor may take services and options.
/// </summary>
public interface IBot
{
    /// <summary>Declares the bot's profile, commands and handlers. Called once at start-up.</summary>
    void Configure(BotBuilder bot);
}
