namespace ChatBotHost.Emulator.Portal;

/// <summary>A portal user; bots are users too (their id is the bot id).</summary>
public sealed record EmulatedUser(int Id, string FirstName, string LastName, bool IsBot)
{
    public string WorkPosition { get; init; } = "";

    public string Gender { get; init; } = "M";

    public string Color { get; init; } = "#df532d";

    public DateTimeOffset LastActivityDate { get; init; }

    /// <summary>The user's e-mail (user.get's EMAIL); made up from the names when not set.</summary>
    public string? Email { get; init; }

    public string Name => string.IsNullOrEmpty(LastName) ? FirstName : $"{FirstName} {LastName}";
}
