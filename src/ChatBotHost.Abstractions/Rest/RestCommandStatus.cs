namespace ChatBotHost.Abstractions.Rest;

/// <summary>What became of one command of a batch.</summary>
public enum RestCommandStatus
{
    /// <summary>It ran and answered a result.</summary>
    Succeeded,

    /// <summary>It ran and failed, the request carrying it failed, or a reference in it could not be filled in.</summary>
    Failed,

    /// <summary>It never ran: a halted batch stopped before it.</summary>
    NotRun,
}
