using ChatBotHost.Abstractions.Turns;
using ChatBotHost.Bitrix.Entities;
using ChatBotHost.Bitrix.Requests.Files;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBotHost.Abstractions.Files;

/// <summary>
/// Files from a handler: read the bytes of a file a user sent (imbot.v2.File.download, then one GET of the one-time
/// URL) and send a file into this dialog (imbot.v2.File.upload). Both refuse files over Bitrix24's 100 MB limit.
/// </summary>
public static class FileExtensions
{
    /// <summary>The most a file may be (spec §2.4).</summary>
    public const long MaxBytes = 100L * 1024 * 1024;

    /// <summary>The HttpClient name the download uses; configure it (proxy, timeout) with AddHttpClient.</summary>
    public const string HttpClientName = "ChatBotHost.Files";

    /// <summary>The file's bytes. The one-time URL is used once, as given, and never logged.</summary>
    /// <exception cref="FileTooLargeException">The file is larger than 100 MB.</exception>
    public static async Task<byte[]> DownloadFileAsync(this ITurnContext turn, ChatFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(file);
        if (file.Size > MaxBytes)
        {
            throw new FileTooLargeException(file.Name, file.Size);
        }

        var link = await turn.Api.CallAsync(new FileDownloadRequest { FileId = file.Id, DialogId = turn.DialogId }, cancellationToken);
        using var http = turn.Services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Get, link.DownloadUrl);
        request.Headers.UserAgent.ParseAdd("ChatBotHost");
        request.Headers.Accept.ParseAdd("*/*");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        // The status alone: the exception's text would carry the URL, whose token is a secret.
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Downloading file {file.Id} failed: HTTP {(int)response.StatusCode}.", null, response.StatusCode);
        }

        if (response.Content.Headers.ContentLength > MaxBytes)
        {
            throw new FileTooLargeException(file.Name, response.Content.Headers.ContentLength);
        }

        return await ReadCappedAsync(response.Content, file.Name, cancellationToken);
    }

    /// <summary>Sends a file (with an optional text) into this dialog; returns the stored file and its message's id.</summary>
    /// <exception cref="FileTooLargeException">The file is larger than 100 MB; nothing was sent.</exception>
    public static Task<FileUploadResult> SendFileAsync(
        this ITurnContext turn, string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken, string? text = null)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (content.Length > MaxBytes)
        {
            throw new FileTooLargeException(name, content.Length);
        }

        var dialogId = turn.DialogId
            ?? throw new InvalidOperationException($"{turn.Event.Type} belongs to no dialog; there is nowhere to send a file.");
        return turn.Api.CallAsync(
            new FileUploadRequest { DialogId = dialogId, Fields = FileUploadFields.FromBytes(name, content.Span, text) }, cancellationToken);
    }

    // Counted while it arrives: a portal that sends more than it announced is cut off at the limit, not buffered.
    private static async Task<byte[]> ReadCappedAsync(HttpContent content, string? name, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new FileTooLargeException(name, (long?)null);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
