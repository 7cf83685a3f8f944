namespace ChatBotHost.Abstractions.Rest;

/// <summary>Error codes the host itself gives a batch command (the portal's own are in <c>BitrixErrors</c>).</summary>
public static class RestErrors
{
    /// <summary>A <c>$result[…]</c> reference named a command that failed or never ran, or a field its result lacks.</summary>
    public const string UnresolvedReference = "CBH_UNRESOLVED_REFERENCE";
}
