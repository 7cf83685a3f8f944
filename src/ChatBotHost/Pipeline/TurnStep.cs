namespace ChatBotHost.Pipeline;

/// <summary>The rest of the host pipeline after a stage.</summary>
internal delegate Task TurnStep(TurnContext turn, CancellationToken cancellationToken);
