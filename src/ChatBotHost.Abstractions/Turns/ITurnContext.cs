using System.Globalization;
using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Abstractions.Dialogs;
using ChatBotHost.Abstractions.Rest;
using ChatBotHost.Abstractions.Timers;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Events;
using ChatBotHost.Bitrix.Requests.Messages;

namespace ChatBotHost.Abstractions.Turns;

/// <summary>Everything a handler needs for one event: the event, ways to answer, and this dialog's state.</summary>
public interface ITurnContext
{
    /// <summary>The event being handled.</summary>
    BotEvent Event { get; }

    /// <summary>The declaration of the bot handling it (profile, commands).</summary>
    BotDefinition Definition { get; }

    /// <summary>The code of the bot handling it.</summary>
    string BotCode { get; }

    /// <summary>The bot's id (its user id) on the portal.</summary>
    int BotId { get; }

    /// <summary>The dialog to answer into, or null for events outside any dialog (bot deleted).</summary>
    string? DialogId { get; }

    /// <summary>This dialog's state, loaded after the dialog's lock was taken and saved when the turn ends.</summary>
    IDialogState State { get; }

    /// <summary>The culture of the turn, from the event's language; also set as the current (UI) culture while it runs.</summary>
    CultureInfo Culture { get; }

    /// <summary>Starts, cancels and inspects the dialogs of this conversation.</summary>
    IDialogControl Dialogs { get; }

    /// <summary>Schedules messages and callbacks into this conversation.</summary>
    ITimers Timers { get; }

    /// <summary>A REST client already authorized as this bot, for methods the helpers below do not cover.</summary>
    IBitrixClient Api { get; }

    /// <summary>Any REST method by name (CRM, tasks, users, notifications…), batches included; effects are idempotent per turn.</summary>
    IBitrixRest Rest { get; }

    /// <summary>Services of the host, scoped to this turn.</summary>
    IServiceProvider Services { get; }

    /// <summary>Sends a message into this dialog and returns its id.</summary>
    Task<int> ReplyAsync(MessageFields message, CancellationToken cancellationToken);

    /// <summary>Answers the command being handled (imbot.v2.Command.answer); only for <see cref="CommandInvoked"/>.</summary>
    Task AnswerCommandAsync(MessageFields message, CancellationToken cancellationToken);

    /// <summary>
    /// Shows "typing…" (or another status code) in this dialog, for <paramref name="duration"/> (1–600 s; the portal's
    /// default when null) or until the bot's next message. For a long step, see <see cref="TypingExtensions.KeepTypingAsync"/>.
    /// </summary>
    Task ShowTypingAsync(CancellationToken cancellationToken, string? statusMessageCode = null, TimeSpan? duration = null);
}
