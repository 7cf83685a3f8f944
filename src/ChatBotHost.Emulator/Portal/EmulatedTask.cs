namespace ChatBotHost.Emulator.Portal;

/// <summary>A task created with tasks.task.add (status "2": pending, as a new task starts).</summary>
public sealed record EmulatedTask(
    int Id,
    string Title,
    string Description,
    int ResponsibleId,
    int CreatedBy,
    string Priority,
    string Status,
    DateTimeOffset CreatedDate);
