namespace ChatBotHost.State;

/// <summary>A portal the application is installed on (spec §1.3, §9); member_id is the tenant key.</summary>
public sealed record PortalRecord
{
    /// <summary>The portal's stable id (member_id).</summary>
    public required string MemberId { get; init; }

    /// <summary>The portal's domain as of the last install (it may change; member_id does not).</summary>
    public required string Domain { get; init; }

    /// <summary>https://{portal}/rest/ — where OAuth calls go.</summary>
    public required string ClientEndpoint { get; init; }

    /// <summary>The per-installation secret every event carries in its top-level auth; a secret, never logged.</summary>
    public required string ApplicationToken { get; init; }

    /// <summary>Active, or waiting for a re-installation.</summary>
    public PortalStatus Status { get; init; }

    /// <summary>When the application was (last) installed.</summary>
    public DateTimeOffset InstalledAt { get; init; }

    /// <summary>Why the status is not Active (no secrets).</summary>
    public string? StatusReason { get; init; }

    /// <summary>Describes the portal without its application_token.</summary>
    public override string ToString() => $"Portal({MemberId}, {Domain}, {Status})";
}
