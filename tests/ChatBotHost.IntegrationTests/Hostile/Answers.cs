namespace ChatBotHost.IntegrationTests.Hostile;

/// <summary>The answers a request can end with: HTTP statuses, and two pseudo-statuses for a request that got none.</summary>
internal static class Answers
{
    /// <summary>The server cut the connection before answering (e.g. while a too-large body was still being sent).</summary>
    public const int Cut = 0;

    /// <summary>No answer within the client's timeout.</summary>
    public const int Timeout = -1;

    public static IReadOnlySet<int> Of(params int[] statuses) => new HashSet<int>(statuses);

    public static string Name(int status) => status switch
    {
        Cut => "cut",
        Timeout => "timeout",
        _ => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
