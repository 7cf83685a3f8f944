namespace ChatBotHost.Abstractions.Turns;

/// <summary>The rest of the pipeline after a middleware.</summary>
public delegate Task TurnDelegate(ITurnContext turn, CancellationToken cancellationToken);
