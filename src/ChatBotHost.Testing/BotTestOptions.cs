namespace ChatBotHost.Testing;

/// <summary>How <see cref="BotTestHost"/> sets up the bot under test.</summary>
public sealed class BotTestOptions
{
    /// <summary>The bot's own settings, keyed relative to its section (e.g. "ReminderAfter" for ChatBotHost:Bots:{code}:ReminderAfter).</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The language the user's events carry (two-letter code); selects the culture of each turn.</summary>
    public string Language { get; set; } = "en";

    /// <summary>Where the test clock starts.</summary>
    public DateTimeOffset Start { get; set; } = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The bot's id on the pretend portal.</summary>
    public int BotId { get; set; } = 100;

    /// <summary>How the pretend portal treats methods beyond the chat, e.g. <c>Methods.RequireConfirmation("tasks.task.add")</c>.</summary>
    public PortalMethods Methods { get; } = new();

    /// <summary>What the pretend portal answers to methods called by name (turn.Rest); the calls made are recorded there.</summary>
    public RestScript Rest { get; } = new();

    /// <summary>Adds or replaces services the bot's handlers and dialogs take (stores, fakes).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }
}
