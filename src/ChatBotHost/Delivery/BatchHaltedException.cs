namespace ChatBotHost.Delivery;

/// <summary>
/// A call of a halted batch that never ran because an earlier sub-call failed: nothing happened at the portal, so it is
/// sent again at once, and the portal's refusal of another call does not count against it.
/// </summary>
internal sealed class BatchHaltedException : Exception
{
    public BatchHaltedException()
        : base("The batch stopped at an earlier failing call before this one ran.")
    {
    }

    public BatchHaltedException(string message)
        : base(message)
    {
    }

    public BatchHaltedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
