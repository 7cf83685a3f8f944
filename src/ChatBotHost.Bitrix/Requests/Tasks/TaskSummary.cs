namespace ChatBotHost.Bitrix.Requests.Tasks;

/// <summary>A task as tasks.task.add and tasks.task.get answer it; the id arrives as a string and is read as a number.</summary>
public sealed record TaskSummary
{
    /// <summary>The task's id on the portal.</summary>
    public long Id { get; init; }

    /// <summary>The task's title, when the portal sends it.</summary>
    public string? Title { get; init; }
}
