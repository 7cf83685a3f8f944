namespace ChatBotHost.Bitrix.Requests.Tasks;

/// <summary>What tasks.task.add answers: the created task.</summary>
public sealed record TasksTaskAddResult
{
    /// <summary>The created task (the portal sends more fields; only the id is read).</summary>
    public TaskSummary Task { get; init; } = new();
}
