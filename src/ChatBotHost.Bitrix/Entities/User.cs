namespace ChatBotHost.Bitrix.Entities;

/// <summary>A portal user (spec §5.5); many responses carry only a subset.</summary>
public sealed record User
{
    /// <summary>User id.</summary>
    public int Id { get; init; }

    /// <summary>The account is active.</summary>
    public bool Active { get; init; }

    /// <summary>Full name.</summary>
    public string? Name { get; init; }

    /// <summary>First name.</summary>
    public string? FirstName { get; init; }

    /// <summary>Last name.</summary>
    public string? LastName { get; init; }

    /// <summary>Job title.</summary>
    public string? WorkPosition { get; init; }

    /// <summary>M or F.</summary>
    public string? Gender { get; init; }

    /// <summary>An extranet user.</summary>
    public bool Extranet { get; init; }

    /// <summary>The user is a bot.</summary>
    public bool Bot { get; init; }

    /// <summary>employee, extranet, email, collaber or bot.</summary>
    public string? Type { get; init; }

    /// <summary>Department ids; empty when the wire omitted them.</summary>
    public IReadOnlyList<int> Departments { get; init; } = [];
}
