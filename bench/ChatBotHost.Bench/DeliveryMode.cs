namespace ChatBotHost.Bench;

/// <summary>
/// What one event mode achieved in the delivery benchmark: replies per second in the window (and the portal's
/// refusals there), and over the whole host phase the replies and the requests that carried them.
/// </summary>
internal sealed record DeliveryMode(string Name, Rate Hosted, int Replies, long Requests)
{
    public double RepliesPerRequest => (double)Replies / Math.Max(1, Requests);

    /// <summary>The share of the ceiling reached, or 0 when the portal refused anything: a refusal is a miss.</summary>
    public double Score(double ceiling) => Hosted.Refused == 0 ? Hosted.PerSecond / ceiling : 0;
}
