using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace ChatBotHost.IntegrationTests.Harness;

/// <summary>
/// A POST written by hand on a socket, for bodies a server refuses before it has read them: HttpClient gives up on the
/// whole request when the server stops reading (broken pipe) even though the answer is already there, whereas this
/// stops sending and reads the answer.
/// </summary>
internal static class RawHttp
{
    private const int Piece = 16 * 1024;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Posts <paramref name="body"/> with a Content-Length (or chunked), sending at most <paramref name="sendBytes"/> of
    /// it; returns the status and the answer's body. A server that waited for the unsent rest would time this out.
    /// </summary>
    public static async Task<(int Status, string Body)> PostAsync(Uri url, string contentType, string body, bool chunked = false, int? sendBytes = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(url.Host, url.Port);
        var stream = tcp.GetStream();
        var length = chunked ? "Transfer-Encoding: chunked" : $"Content-Length: {bytes.Length.ToString(CultureInfo.InvariantCulture)}";
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"POST {url.PathAndQuery} HTTP/1.1\r\nHost: {url.Authority}\r\nContent-Type: {contentType}\r\n{length}\r\n\r\n"));
        await SendAsync(stream, bytes.AsMemory(0, Math.Min(bytes.Length, sendBytes ?? bytes.Length)), chunked);
        return await ReadAnswerAsync(stream);
    }

    private static async Task SendAsync(NetworkStream stream, ReadOnlyMemory<byte> bytes, bool chunked)
    {
        try
        {
            for (var sent = 0; sent < bytes.Length; sent += Piece)
            {
                var piece = bytes.Slice(sent, Math.Min(Piece, bytes.Length - sent));
                if (chunked)
                {
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(piece.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n"));
                }

                await stream.WriteAsync(piece);
                if (chunked)
                {
                    await stream.WriteAsync("\r\n"u8.ToArray());
                }
            }
        }
        catch (IOException)
        {
            // The server stopped reading: it has answered (or closed); the answer is read next.
        }
    }

    private static async Task<(int Status, string Body)> ReadAnswerAsync(NetworkStream stream)
    {
        using var reader = new StreamReader(stream, Encoding.ASCII);
        using var timeout = new CancellationTokenSource(Patience);
        var status = int.Parse((await reader.ReadLineAsync(timeout.Token))!.Split(' ')[1], CultureInfo.InvariantCulture);
        var length = -1;
        string? line;
        while (!string.IsNullOrEmpty(line = await reader.ReadLineAsync(timeout.Token)))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture);
            }
        }

        var body = new StringBuilder();
        if (length >= 0)
        {
            body.Append(await ReadCharsAsync(reader, length, timeout.Token));
        }
        else
        {
            // Chunked: hex size lines, each followed by its data; a zero size ends it.
            while (int.Parse((await reader.ReadLineAsync(timeout.Token))!, NumberStyles.HexNumber, CultureInfo.InvariantCulture) is var size and > 0)
            {
                body.Append(await ReadCharsAsync(reader, size, timeout.Token));
                await reader.ReadLineAsync(timeout.Token);
            }
        }

        return (status, body.ToString());
    }

    // The answers read here are ASCII (problem JSON), so characters and bytes agree.
    private static async Task<string> ReadCharsAsync(StreamReader reader, int count, CancellationToken cancellationToken)
    {
        var buffer = new char[count];
        var read = 0;
        while (read < count)
        {
            var n = await reader.ReadAsync(buffer.AsMemory(read), cancellationToken);
            read += n > 0 ? n : throw new EndOfStreamException("The answer ended early.");
        }

        return new string(buffer);
    }
}
