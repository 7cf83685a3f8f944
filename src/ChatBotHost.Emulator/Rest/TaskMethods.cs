using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Portal;
using ChatBotHost.Emulator.Shaping;

namespace ChatBotHost.Emulator.Rest;

/// <summary>
/// tasks.task.add and tasks.task.get: {"task": {...}} with string ids. Field names are upper case (fields.TITLE) as the
/// REST docs write them; TITLE is required, RESPONSIBLE_ID and CREATED_BY default to the calling user.
/// </summary>
internal static class TaskMethods
{
    private const string PendingStatus = "2";
    private const string NormalPriority = "1";

    public static IEnumerable<RestMethod> All() =>
    [
        new("tasks.task.add", BotAuth.None, Add),
        new("tasks.task.get", BotAuth.None, Get),
    ];

    private static JsonObject Add(RestCall call)
    {
        var fields = call.Params.Object("fields") is { Values.Count: > 0 } given
            ? given
            : throw new RestException("100", "Could not find value for parameter {fields}");
        var state = call.State;
        var title = fields.Text("TITLE") ?? throw new RestException("ERROR_CORE", "Task title not specified<br>");
        var caller = call.UserId ?? state.Settings.AdminUserId;
        var responsible = fields.Int("RESPONSIBLE_ID") ?? caller;
        if (state.FindUser(responsible) is null)
        {
            throw new RestException("ERROR_CORE", "User specified in the \"Assignee\" field not found<br>");
        }

        var task = new EmulatedTask(
            state.TakeTaskId(),
            title.Trim(),
            fields.String("DESCRIPTION") ?? "",
            responsible,
            fields.Int("CREATED_BY") ?? caller,
            fields.Text("PRIORITY") ?? NormalPriority,
            PendingStatus,
            state.Now);
        state.Tasks.Add(task.Id, task);
        return new JsonObject { ["task"] = TaskJson.For(task, state) };
    }

    // The REST docs: an unknown (or inaccessible) task answers an empty result, [], not an error.
    private static JsonNode Get(RestCall call)
    {
        if (!call.Params.Has("taskId"))
        {
            throw new RestException("100", "CTaskItem All parameters in the constructor must have real class type");
        }

        var id = call.Params.Int("taskId") ?? throw new RestException("0", "wrong task id");
        return call.State.Tasks.TryGetValue(id, out var task)
            ? new JsonObject { ["task"] = TaskJson.For(task, call.State) }
            : PhpJson.EmptyMap();
    }
}
