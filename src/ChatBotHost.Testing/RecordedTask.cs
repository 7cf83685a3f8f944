namespace ChatBotHost.Testing;

/// <summary>A task the bot created on the test kit's portal with tasks.task.add.</summary>
/// <param name="Id">The id the portal gave it (1, 2, … per host).</param>
/// <param name="Title">fields.TITLE.</param>
/// <param name="Description">fields.DESCRIPTION.</param>
/// <param name="ResponsibleId">fields.RESPONSIBLE_ID.</param>
public sealed record RecordedTask(long Id, string Title, string? Description, int? ResponsibleId);
