using ChatBotHost.Abstractions.Turns;
using ChatBotHost.Bitrix.Events;

namespace ChatBotHost.IntegrationTests.Hostile;

/// <summary>Writes down every event before the probe bot's handlers see it; an event no route takes is recorded too.</summary>
internal sealed class RecordingMiddleware(HandledEvents handled) : IBotMiddleware
{
    public Task InvokeAsync(ITurnContext turn, TurnDelegate next, CancellationToken cancellationToken)
    {
        var text = turn.Event switch
        {
            MessageAdded added => added.Message.Text,
            MessageUpdated updated => updated.Message.Text,
            _ => null,
        };
        handled.Add(new HandledEvent(turn.Event.Type, text));
        return next(turn, cancellationToken);
    }
}
