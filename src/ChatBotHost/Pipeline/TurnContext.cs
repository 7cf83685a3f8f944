using System.Globalization;
using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Abstractions.Dialogs;
using ChatBotHost.Abstractions.Localization;
using ChatBotHost.Abstractions.Rest;
using ChatBotHost.Abstractions.Timers;
using ChatBotHost.Abstractions.Turns;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Events;
using ChatBotHost.Bitrix.Requests.ChatUi;
using ChatBotHost.Bitrix.Requests.Commands;
using ChatBotHost.Bitrix.Requests.Messages;
using ChatBotHost.Confirmation;
using ChatBotHost.Delivery;
using ChatBotHost.Dialogs;
using ChatBotHost.Hosting;
using ChatBotHost.Rest;
using ChatBotHost.Scheduling;
using ChatBotHost.State;

namespace ChatBotHost.Pipeline;

/// <summary>One event on its way through the pipeline, and what a handler sees of it.</summary>
internal sealed class TurnContext : ITurnContext
{
    private readonly Lazy<DialogStateBag> _state;
    private readonly Lazy<DialogRun> _dialogs;
    private readonly Lazy<TurnTimers> _timers;

    public TurnContext(HostedBot bot, BotEvent evt, IServiceProvider services)
    {
        HostedBot = bot;
        Definition = bot.Definition;
        Event = evt;
        Services = services;
        // One outbox under both clients, so a wait for the administrator is recorded whichever of them met it.
        var outbox = MethodConfirmWaitRecorder.Around(services.GetRequiredService<ISendQueue>(), this);
        Api = new TurnClient(outbox, bot, evt.DeduplicationKey);
        Rest = TurnRest.For(services, outbox, bot, evt);
        _state = new Lazy<DialogStateBag>(() => new DialogStateBag(
            services.GetRequiredService<IDialogStateStore>(),
            new DialogKey(bot.Portal.Key, bot.BotId, DialogId ?? "-")));
        _dialogs = new Lazy<DialogRun>(() => ActivatorUtilities.CreateInstance<DialogRun>(services, this));
        _timers = new Lazy<TurnTimers>(() => ActivatorUtilities.CreateInstance<TurnTimers>(services, this));
        Language = evt.Language ?? evt.Bot.Language;
        Culture = TurnCulture.For(Language);
    }

    public HostedBot HostedBot { get; }

    public TurnOutcome Outcome { get; set; } = TurnOutcome.Pending;

    /// <summary>What failed the turn, when <see cref="Outcome"/> is Failed.</summary>
    public Exception? Failure { get; set; }

    /// <summary>True when the turn runs from the inbox under the dialog's claim, which already excludes other replicas.</summary>
    public bool HeldByInboxClaim { get; init; }

    public BotEvent Event { get; }

    /// <summary>The bot's code as it was when the turn began: a reload meanwhile serves the next turn.</summary>
    public BotDefinition Definition { get; }

    public string BotCode => HostedBot.Code;

    public int BotId => HostedBot.BotId;

    public string? DialogId => Event.DialogId;

    public IDialogState State => _state.Value;

    public CultureInfo Culture { get; }

    /// <summary>The language code the event carries, which <see cref="Culture"/> is made from; timers keep it.</summary>
    public string? Language { get; }

    public IDialogControl Dialogs => _dialogs.Value;

    /// <summary>The dialogs of this turn as the dialog stage drives them.</summary>
    public DialogRun DialogRun => _dialogs.Value;

    public ITimers Timers => _timers.Value;

    /// <summary>The state bag if a handler touched it, so the commit stage knows whether there is anything to save.</summary>
    public DialogStateBag? StateIfLoaded => _state.IsValueCreated ? _state.Value : null;

    public IBitrixClient Api { get; }

    public IBitrixRest Rest { get; }

    public IServiceProvider Services { get; }

    public async Task<int> ReplyAsync(MessageFields message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var dialogId = RequireDialog();
        var id = 0;
        // Each part is its own call, so each has its own idempotency key and the parts keep their order in the queue.
        foreach (var part in LongMessage.Parts(message))
        {
            id = (await Api.CallAsync(new ChatMessageSendRequest { DialogId = dialogId, Fields = part }, cancellationToken)).Id;
        }

        return id;
    }

    public async Task AnswerCommandAsync(MessageFields message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Event is not CommandInvoked command)
        {
            throw new InvalidOperationException($"AnswerCommandAsync answers a command, but this turn handles {Event.Type}.");
        }

        // Command.answer posts one message; the parts of a long answer after the first follow as ordinary messages.
        var parts = LongMessage.Parts(message);
        await Api.CallAsync(
            new CommandAnswerRequest { CommandId = command.CommandId, MessageId = command.Message.Id, DialogId = RequireDialog(), Fields = parts[0] },
            cancellationToken);
        foreach (var part in parts.Skip(1))
        {
            await Api.CallAsync(new ChatMessageSendRequest { DialogId = RequireDialog(), Fields = part }, cancellationToken);
        }
    }

    public async Task ShowTypingAsync(CancellationToken cancellationToken, string? statusMessageCode = null, TimeSpan? duration = null) =>
        await Api.CallAsync(
            new ChatInputActionNotifyRequest
            {
                DialogId = RequireDialog(),
                StatusMessageCode = statusMessageCode,
                Duration = duration is { } d ? (int)Math.Clamp(Math.Ceiling(d.TotalSeconds), 1, 600) : null,
            },
            cancellationToken);

    private string RequireDialog() =>
        DialogId ?? throw new InvalidOperationException($"{Event.Type} belongs to no dialog; there is nobody to answer.");
}
