using Microsoft.Extensions.Configuration;

namespace ChatBotHost.Abstractions.Declaration;

/// <summary>
/// The configuration section of the bot a turn belongs to (ChatBotHost:Bots:{code}); inject it into dialogs,
/// handlers and middleware to read a bot's own settings.
/// </summary>
public sealed class BotConfiguration
{
    /// <summary>Wraps the section of one bot.</summary>
    public BotConfiguration(string botCode, IConfiguration section)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(botCode);
        ArgumentNullException.ThrowIfNull(section);
        BotCode = botCode;
        Section = section;
    }

    /// <summary>The bot's code.</summary>
    public string BotCode { get; }

    /// <summary>The bot's section, ChatBotHost:Bots:{code}.</summary>
    public IConfiguration Section { get; }

    /// <summary>The section bound to <typeparamref name="T"/>; a missing key keeps the property's default.</summary>
    public T Get<T>()
        where T : class, new()
    {
        var settings = new T();
        Section.Bind(settings);
        return settings;
    }
}
