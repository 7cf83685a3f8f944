namespace ChatBotHost.State;

/// <summary>How a revocation broadcast went: how many replicas heard it, and how many confirmed they stopped in time.</summary>
public readonly record struct RevocationResult(int Heard, int Confirmed)
{
    /// <summary>True when every replica that heard it confirmed.</summary>
    public bool Complete => Confirmed >= Heard;
}
