using System.Globalization;

namespace ChatBotHost.Testing;

/// <summary>
/// The files users attached in a test, and the host's HTTP client factory: the file-download client reads them from
/// here (the one-time URL the recording portal hands out), so <c>turn.DownloadFileAsync</c> runs its real code path.
/// Any other client is a plain one that nothing in the kit uses.
/// </summary>
internal sealed class KitFiles : IHttpClientFactory
{
    private const string UrlPrefix = "https://kit.bitrix24.test/disk/";
    private readonly Lock _gate = new();
    private readonly Dictionary<int, byte[]?> _files = [];
    private int _nextId = 7000;

    /// <summary>Stores a file (null content: only announced, never downloadable) and returns its id.</summary>
    public int Add(byte[]? content)
    {
        lock (_gate)
        {
            _files[++_nextId] = content;
            return _nextId;
        }
    }

    /// <summary>The URL File.download answers for the file; unknown ids fail as the portal would.</summary>
    public string UrlOf(int fileId)
    {
        lock (_gate)
        {
            return _files.ContainsKey(fileId)
                ? UrlPrefix + fileId.ToString(CultureInfo.InvariantCulture)
                : throw new InvalidOperationException($"The test attached no file {fileId}.");
        }
    }

    /// <summary>The bytes behind a URL from <see cref="UrlOf"/>, or null.</summary>
    public byte[]? ContentAt(Uri url)
    {
        var text = url.AbsoluteUri;
        if (!text.StartsWith(UrlPrefix, StringComparison.Ordinal)
            || !int.TryParse(text.AsSpan(UrlPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }

        lock (_gate)
        {
            return _files.GetValueOrDefault(id);
        }
    }

    public HttpClient CreateClient(string name) =>
        string.Equals(name, Abstractions.Files.FileExtensions.HttpClientName, StringComparison.Ordinal)
            ? new HttpClient(new KitFileHandler(this))
            : new HttpClient();
}
