namespace ChatBotHost.Operations.Memory;

internal sealed class RuntimeGarbageCollector : IGarbageCollector
{
    public long TotalAllocatedBytes => GC.GetTotalAllocatedBytes();

    // Aggressive is the only mode that decommits the free regions right away; an idle host runs no collections of its
    // own, so without it the memory committed for the last busy spell would stay resident until the next one.
    // Then the native heap, which the collector does not touch: see NativeHeap.
    public void CollectAndDecommit()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        NativeHeap.Trim();
    }
}
