using System.Collections.Immutable;

namespace ChatBotHost.Emulator.Portal;

/// <summary>A registered bot command; <see cref="Command"/> carries the leading slash.</summary>
public sealed record EmulatedCommand(int Id, int BotId, string Command)
{
    public ImmutableDictionary<string, string> Title { get; init; } = ImmutableDictionary<string, string>.Empty;

    public ImmutableDictionary<string, string> Params { get; init; } = ImmutableDictionary<string, string>.Empty;

    public bool Common { get; init; }

    public bool Hidden { get; init; }

    public bool ExtranetSupport { get; init; }

    /// <summary>The command name without its slash.</summary>
    public string Name => Command.TrimStart('/');
}
