using ChatBotHost.Abstractions.Turns;
using ChatBotHost.Bitrix.Events;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBotHost.Abstractions.Declaration;

/// <summary>
/// Collects a bot's declaration in <see cref="IBot.Configure"/>. Routes are tried in the order they are declared.
/// </summary>
public sealed class BotBuilder
{
    private readonly List<CommandDeclaration> _commands = [];
    private readonly List<Route> _routes = [];
    private readonly List<Type> _middleware = [];
    private BotProfile? _profile;

    /// <summary>Sets the bot's code and display name, and optionally the rest of its profile.</summary>
    public BotBuilder Profile(string code, string name, Func<BotProfile, BotProfile>? configure = null)
    {
        var profile = new BotProfile { Code = code, Name = name };
        _profile = configure is null ? profile : configure(profile);
        return this;
    }

    /// <summary>Registers a command with an English title and routes its invocations to the handler.</summary>
    public BotBuilder Command(string name, string title, TurnHandler<CommandInvoked> handler) =>
        Command(new CommandDeclaration { Name = name, Title = new Dictionary<string, string> { ["en"] = title } }, handler);

    /// <summary>Registers a fully described command and routes its invocations to the handler.</summary>
    public BotBuilder Command(CommandDeclaration command, TurnHandler<CommandInvoked> handler)
    {
        ArgumentNullException.ThrowIfNull(command);
        var name = command.Name.TrimStart('/').ToLowerInvariant();
        if (_commands.Any(c => string.Equals(c.Name, name, StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"Command '{name}' is declared twice.");
        }

        _commands.Add(command with { Name = name });
        return On<CommandInvoked>(handler, e => string.Equals(e.Name, name, StringComparison.Ordinal), $"command /{name}");
    }

    /// <summary>Handles new messages, optionally only those the condition accepts.</summary>
    public BotBuilder OnMessage(TurnHandler<MessageAdded> handler, Func<MessageAdded, bool>? when = null) =>
        On(handler, when, "message");

    /// <summary>Handles events of one type, optionally only those the condition accepts.</summary>
    public BotBuilder On<TEvent>(TurnHandler<TEvent> handler, Func<TEvent, bool>? when = null, string? description = null)
        where TEvent : BotEvent
    {
        ArgumentNullException.ThrowIfNull(handler);
        _routes.Add(new Route(
            description ?? typeof(TEvent).Name,
            e => e is TEvent typed && (when is null || when(typed)),
            (e, turn, ct) => handler((TEvent)e, turn, ct)));
        return this;
    }

    /// <summary>Handles events of one type with a class resolved from dependency injection for each turn.</summary>
    public BotBuilder On<TEvent, THandler>(Func<TEvent, bool>? when = null)
        where TEvent : BotEvent
        where THandler : IEventHandler<TEvent> =>
        On<TEvent>(
            (e, turn, ct) => ActivatorUtilities.GetServiceOrCreateInstance<THandler>(turn.Services).HandleAsync(e, turn, ct),
            when,
            typeof(THandler).Name);

    /// <summary>Adds a middleware that runs, in declaration order, around this bot's handlers only.</summary>
    public BotBuilder Use<TMiddleware>()
        where TMiddleware : IBotMiddleware
    {
        _middleware.Add(typeof(TMiddleware));
        return this;
    }

    /// <summary>Finishes the declaration; fails when the profile is missing.</summary>
    public BotDefinition Build(string declaringType) =>
        new(
            _profile ?? throw new InvalidOperationException($"{declaringType}.Configure must call Profile(code, name)."),
            _commands.ToArray(),
            _routes.ToArray(),
            _middleware.ToArray());
}
