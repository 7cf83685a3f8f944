using System.Globalization;
using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Portal;
using ChatBotHost.Emulator.Portal.State;

namespace ChatBotHost.Emulator.Shaping;

/// <summary>A task as tasks.task.add and tasks.task.get answer it: camelCase keys, ids and numbers as strings.</summary>
internal static class TaskJson
{
    public static JsonObject For(EmulatedTask task, PortalState state)
    {
        var created = WireDate.Format(task.CreatedDate);
        return new JsonObject
        {
            ["id"] = Text(task.Id),
            ["parentId"] = null,
            ["title"] = task.Title,
            ["description"] = task.Description,
            ["mark"] = null,
            ["priority"] = task.Priority,
            ["multitask"] = "N",
            ["stageId"] = "0",
            ["createdBy"] = Text(task.CreatedBy),
            ["createdDate"] = created,
            ["responsibleId"] = Text(task.ResponsibleId),
            ["changedBy"] = Text(task.CreatedBy),
            ["changedDate"] = created,
            ["closedBy"] = null,
            ["closedDate"] = null,
            ["activityDate"] = created,
            ["deadline"] = null,
            ["descriptionInBbcode"] = "Y",
            ["status"] = task.Status,
            ["statusChangedDate"] = created,
            ["groupId"] = "0",
            ["auditors"] = new JsonArray(),
            ["accomplices"] = new JsonArray(),
            ["creator"] = Member(task.CreatedBy, state),
            ["responsible"] = Member(task.ResponsibleId, state),
        };
    }

    private static JsonObject Member(int userId, PortalState state)
    {
        var user = state.FindUser(userId);
        return new JsonObject
        {
            ["id"] = Text(userId),
            ["name"] = user?.Name ?? "",
            ["link"] = $"/company/personal/user/{Text(userId)}/",
            ["icon"] = "/bitrix/images/tasks/default_avatar.png",
            ["workPosition"] = user?.WorkPosition ?? "",
        };
    }

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);
}
