namespace ChatBotHost.Bitrix.Events;

/// <summary>
/// The application access token an application bot's event carries in data.bot.auth, and when it expires: at
/// <see cref="ExpiresAt"/>, or <see cref="ExpiresIn"/> after the event arrived.
/// </summary>
public sealed record EventAccessToken(string Token, DateTimeOffset? ExpiresAt, TimeSpan? ExpiresIn)
{
    /// <summary>When the token expires, for an event that arrived at <paramref name="arrivedAt"/>.</summary>
    public DateTimeOffset ExpiresFrom(DateTimeOffset arrivedAt) => ExpiresAt ?? arrivedAt + (ExpiresIn ?? TimeSpan.Zero);

    /// <summary>Never prints the token.</summary>
    public override string ToString() => $"EventAccessToken {{ Token = (redacted), ExpiresAt = {ExpiresAt}, ExpiresIn = {ExpiresIn} }}";
}
