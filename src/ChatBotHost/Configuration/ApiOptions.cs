namespace ChatBotHost.Configuration;

/// <summary>ChatBotHost:Api — the HTTP API other systems use to make a bot speak (POST /api/bots/{botCode}/messages).</summary>
public sealed class ApiOptions
{
    /// <summary>The bearer key callers send; unset turns the API off (its endpoints answer 404).</summary>
    public string? Key { get; set; }
}
