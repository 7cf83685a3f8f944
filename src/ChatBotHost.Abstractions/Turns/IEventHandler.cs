using ChatBotHost.Bitrix.Events;

namespace ChatBotHost.Abstractions.Turns;

/// <summary>A class-based handler, created per turn through dependency injection.</summary>
public interface IEventHandler<in TEvent>
    where TEvent : BotEvent
{
    /// <summary>Handles the event.</summary>
    Task HandleAsync(TEvent evt, ITurnContext turn, CancellationToken cancellationToken);
}
