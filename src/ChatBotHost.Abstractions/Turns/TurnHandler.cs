using ChatBotHost.Bitrix.Events;

namespace ChatBotHost.Abstractions.Turns;

/// <summary>Handles one event of type <typeparamref name="TEvent"/>.</summary>
public delegate Task TurnHandler<in TEvent>(TEvent evt, ITurnContext turn, CancellationToken cancellationToken)
    where TEvent : BotEvent;
