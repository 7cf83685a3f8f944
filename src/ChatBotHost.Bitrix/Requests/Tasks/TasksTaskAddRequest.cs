using ChatBotHost.Bitrix.Client;

namespace ChatBotHost.Bitrix.Requests.Tasks;

/// <summary>
/// tasks.task.add: creates a task (scope task). Answers <c>{"task":{"id":"123",…}}</c>. On portals where the
/// administrator must allow the method it answers METHOD_CONFIRM_WAITING (<see cref="MethodConfirmWaitingException"/>)
/// until the ONAPPMETHODCONFIRM decision.
/// </summary>
public sealed record TasksTaskAddRequest : BitrixRequest<TasksTaskAddResult>
{
    /// <summary>The method name.</summary>
    public const string MethodName = "tasks.task.add";

    /// <inheritdoc />
    public override string Method => MethodName;

    /// <summary>The new task's fields (TITLE is required by the portal).</summary>
    public required TaskFields Fields { get; init; }
}
