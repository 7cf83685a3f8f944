namespace ChatBotHost.Pipeline;

/// <summary>One stage of the host pipeline: does its one job, then calls <c>next</c> or returns.</summary>
internal interface ITurnStage
{
    Task InvokeAsync(TurnContext turn, TurnStep next, CancellationToken cancellationToken);
}
