using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChatBotHost.Bitrix.Entities;

/// <summary>A chat message (spec §5.5).</summary>
public sealed record Message
{
    /// <summary>Message id.</summary>
    public int Id { get; init; }

    /// <summary>The chat it belongs to.</summary>
    public int ChatId { get; init; }

    /// <summary>Author's user id; 0 for system messages.</summary>
    public int AuthorId { get; init; }

    /// <summary>When it was written.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>Message text with BB-codes.</summary>
    public string Text { get; init; } = "";

    /// <summary>A system message.</summary>
    public bool IsSystem { get; init; }

    /// <summary>Client-side dedupe id, often empty.</summary>
    public string? Uuid { get; init; }

    /// <summary>Forward origin, if the message was forwarded.</summary>
    public JsonObject? Forward { get; init; }

    /// <summary>Attach, keyboard, files and other parameters; empty when none.</summary>
    public JsonObject Params { get; init; } = [];

    /// <summary>The files the message carries (read from <see cref="Params"/>); empty when none.</summary>
    [JsonIgnore]
    public IReadOnlyList<ChatFile> Files => MessageFiles.Read(Params);

    /// <summary>Someone else has read it.</summary>
    public bool ViewedByOthers { get; init; }
}
