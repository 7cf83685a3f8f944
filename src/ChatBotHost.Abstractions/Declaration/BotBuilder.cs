using ChatBotHost.Abstractions.Dialogs;
using ChatBotHost.Abstractions.Prompts;
using ChatBotHost.Abstractions.Timers;
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
    private readonly List<Type> _dialogs = [];
    private readonly List<CronJob> _cronJobs = [];
    private BotProfile? _profile;
    private Type? _settings;

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
        if (string.Equals(name, AnswerButton.Command, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Command '{name}' is reserved for the buttons of dialog prompts.");
        }

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

    /// <summary>Declares a dialog, so that it can be started and resumed; its instances are created through dependency injection.</summary>
    public BotBuilder Dialog<TDialog>()
        where TDialog : DialogBase
    {
        var id = DialogBase.IdOf(typeof(TDialog));
        if (_dialogs.Any(d => string.Equals(DialogBase.IdOf(d), id, StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"Dialog '{id}' is declared twice (dialogs are stored by class name).");
        }

        _dialogs.Add(typeof(TDialog));
        return this;
    }

    /// <summary>
    /// Declares the class the bot's own settings (ChatBotHost:Bots:{code}) bind to, the one its code reads with
    /// <see cref="BotConfiguration.Get{T}"/>; the host then checks them at start-up, so a bad value stops it with the key
    /// named instead of failing the first turn that reads it.
    /// </summary>
    public BotBuilder Settings<TSettings>()
        where TSettings : class, new()
    {
        _settings = typeof(TSettings);
        return this;
    }

    /// <summary>Handles the callbacks scheduled with <c>turn.Timers.ScheduleAsync(name, …)</c>.</summary>
    public BotBuilder OnTimer(string name, TurnHandler<TimerFired> handler)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return On(handler, t => t.Kind == TimerKind.Callback && string.Equals(t.Name, name, StringComparison.Ordinal), $"timer {name}");
    }

    /// <summary>
    /// Runs <paramref name="handler"/> on a Quartz cron schedule (seconds first, e.g. "0 0 9 ? * MON-FRI"), in UTC unless
    /// <paramref name="timeZone"/> is given; each occurrence runs once across replicas.
    /// </summary>
    public BotBuilder Every(string name, string cronExpression, TurnHandler<TimerFired> handler, TimeZoneInfo? timeZone = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(cronExpression);
        if (_cronJobs.Any(j => string.Equals(j.Name, name, StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"Job '{name}' is declared twice.");
        }

        _cronJobs.Add(new CronJob(name, cronExpression, timeZone ?? TimeZoneInfo.Utc));
        return On(handler, t => t.Kind == TimerKind.Cron && string.Equals(t.Name, name, StringComparison.Ordinal), $"job {name}");
    }

    /// <summary>Adds a middleware that runs, in declaration order, around this bot's handlers only.</summary>
    public BotBuilder Use<TMiddleware>()
        where TMiddleware : IBotMiddleware
    {
        _middleware.Add(typeof(TMiddleware));
        return this;
    }

    /// <summary>Finishes the declaration; fails when the profile is missing.</summary>
    public BotDefinition Build(string declaringType)
    {
        var profile = _profile ?? throw new InvalidOperationException($"{declaringType}.Configure must call Profile(code, name).");
        var commands = _commands.ToList();
        if (_dialogs.Count > 0)
        {
            // Prompt buttons send this hidden command; the dialog engine takes it before any route sees it.
            commands.Add(new CommandDeclaration { Name = AnswerButton.Command, Hidden = true });
        }

        // Scheduled messages are sent by the host itself, whatever routes the bot declares.
        Route scheduledMessages = new(
            "scheduled message",
            e => e is TimerFired { Kind: TimerKind.Message },
            (e, turn, ct) => ScheduledMessage.SendAsync((TimerFired)e, turn, ct));
        return new BotDefinition(profile, commands, [scheduledMessages, .. _routes], _middleware.ToArray())
        {
            Dialogs = _dialogs.ToArray(),
            CronJobs = _cronJobs.ToArray(),
            SettingsType = _settings,
        };
    }
}
