namespace ChatBotHost.Emulator.Rest;

/// <summary>
/// What a classic list method answers beside its result: "next" (the start of the next page, only when more follow)
/// and "total" (always). Inside a batch they become result_next / result_total under the command's key.
/// </summary>
internal sealed record ListPage(int? Next, int Total)
{
    /// <summary>Bitrix24's page size for list methods; "start" selects the page.</summary>
    public const int Size = 50;

    /// <summary>The page of <paramref name="items"/> that starts at <paramref name="start"/> (clamped at 0).</summary>
    public static (List<T> Items, ListPage Page) Slice<T>(IReadOnlyList<T> items, int? start)
    {
        var from = Math.Max(0, start ?? 0);
        var page = items.Skip(from).Take(Size).ToList();
        var next = from + Size < items.Count ? from + Size : (int?)null;
        return (page, new ListPage(next, items.Count));
    }
}
