namespace ChatBotHost.Operations.Memory;

/// <summary>The two things the idle trim needs of the runtime's collector; a seam so the decision is testable.</summary>
internal interface IGarbageCollector
{
    long TotalAllocatedBytes { get; }

    /// <summary>A full, blocking, compacting collection that also returns the freed memory (managed and native) to the system.</summary>
    void CollectAndDecommit();
}
