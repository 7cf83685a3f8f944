using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Configuration;
using ChatBotHost.State;

namespace ChatBotHost.Hosting;

/// <summary>A declared bot as the host runs it: its settings, its registration on the portal, and a client acting as it.</summary>
internal sealed class HostedBot : IDisposable
{
    private readonly TaskCompletionSource _registered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _retired = new();
    private volatile Snapshot? _current;
    private volatile BotDefinition _definition;

    public HostedBot(BotDefinition definition, BotSettings settings, string? botToken, PortalConnection portal)
    {
        _definition = definition;
        Settings = settings;
        BotToken = botToken;
        Portal = portal;
    }

    /// <summary>The bot's current code; a turn takes it once at its start, so a reload never changes a turn midway.</summary>
    public BotDefinition Definition => _definition;

    /// <summary>Cancelled when the bot's source is removed from the bots folder: its poller stops.</summary>
    public CancellationToken Retired => _retired.Token;

    public BotSettings Settings { get; }

    public string Code => Definition.Code;

    /// <summary>The token the bot is registered with (null for an application portal: bots belong to the app); a secret, never logged.</summary>
    public string? BotToken { get; }

    public PortalConnection Portal { get; }

    /// <summary>Null until the bot was registered on the portal.</summary>
    public BotRegistration? Registration => _current?.Registration;

    public int BotId => _current?.Registration.BotId ?? 0;

    /// <summary>Completes once the bot is registered and its commands are reconciled (readiness, tests).</summary>
    public Task Ready => _registered.Task;

    /// <summary>A client acting as this bot with its current registration.</summary>
    public IBitrixClient Client => _current?.Client ?? throw new InvalidOperationException($"Bot '{Code}' is not registered yet.");

    /// <summary>Switches to a new registration; calls made afterwards carry the new bot id.</summary>
    public void Use(BotRegistration registration) =>
        _current = new Snapshot(registration, Portal.CreateClient(BotToken, registration.BotId));

    /// <summary>Serves a reloaded version of the bot's code from the next turn on.</summary>
    public void Reload(BotDefinition definition) => _definition = definition;

    public void Retire() => _retired.Cancel();

    public void Dispose() => _retired.Dispose();

    /// <summary>Marks the bot ready: registered, commands in place, registration stored.</summary>
    public void MarkReady() => _registered.TrySetResult();

    public override string ToString() => $"{Code}#{BotId}@{Portal.Key}";

    private sealed record Snapshot(BotRegistration Registration, IBitrixClient Client);
}
