using System.Globalization;

namespace ChatBotHost.Emulator.Portal.State;

/// <summary>A chat's mutable state, touched only under the portal lock.</summary>
internal sealed class ChatState(int id, bool isPrivate, string title, int ownerId, DateTimeOffset created)
{
    public int Id { get; } = id;

    public bool IsPrivate { get; } = isPrivate;

    public string Title { get; set; } = title;

    public string Description { get; set; } = "";

    public string Color { get; set; } = "#ab7761";

    public int OwnerId { get; set; } = ownerId;

    public DateTimeOffset Created { get; } = created;

    /// <summary>Members in joining order.</summary>
    public List<int> Members { get; } = [];

    public bool TextFieldEnabled { get; set; } = true;

    /// <summary>For a private chat: the human side.</summary>
    public int PrivateUserId { get; init; }

    /// <summary>For a private chat: the bot side.</summary>
    public int PrivateBotId { get; init; }

    public string GroupDialogId => "chat" + Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The dialog id a human member writes to.</summary>
    public string UserDialogId => IsPrivate ? PrivateBotId.ToString(CultureInfo.InvariantCulture) : GroupDialogId;

    /// <summary>The dialog id a bot member sees: the user's id in a private chat (spec §3).</summary>
    public string BotDialogId => IsPrivate ? PrivateUserId.ToString(CultureInfo.InvariantCulture) : GroupDialogId;

    public bool HasMember(int userId) => Members.Contains(userId);

    public void AddMember(int userId)
    {
        if (!Members.Contains(userId))
        {
            Members.Add(userId);
        }
    }

    public EmulatedChat Snapshot() =>
        new(Id, IsPrivate, Title, OwnerId, [.. Members], TextFieldEnabled) { UserDialogId = UserDialogId };
}
