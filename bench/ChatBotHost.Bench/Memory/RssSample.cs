using System.Globalization;

namespace ChatBotHost.Bench.Memory;

/// <summary>
/// A process's resident memory as the kernel counts it (/proc/{pid}/status, kB): the total and its three parts —
/// anonymous (GC heap, native allocations, stacks), file-backed (mapped assemblies and libraries) and shared memory
/// (the runtime's double-mapped code heap under W^X).
/// </summary>
internal readonly record struct RssSample(long RssKb, long AnonKb, long FileKb, long ShmemKb)
{
    public double RssMb => RssKb / 1024.0;

    public static RssSample Read(int pid)
    {
        long rss = 0, anon = 0, file = 0, shmem = 0;
        foreach (var line in File.ReadLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Kilobytes(line);
            else if (line.StartsWith("RssAnon:", StringComparison.Ordinal)) anon = Kilobytes(line);
            else if (line.StartsWith("RssFile:", StringComparison.Ordinal)) file = Kilobytes(line);
            else if (line.StartsWith("RssShmem:", StringComparison.Ordinal)) shmem = Kilobytes(line);
        }

        return new RssSample(rss, anon, file, shmem);
    }

    // "VmRSS:	  115252 kB"
    private static long Kilobytes(string line) =>
        long.Parse(line.AsSpan(line.IndexOf(':', StringComparison.Ordinal) + 1).Trim().TrimEnd("kB").Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
}
