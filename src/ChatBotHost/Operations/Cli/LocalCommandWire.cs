using System.Buffers;
using System.Text.Json;

namespace ChatBotHost.Operations.Cli;

/// <summary>
/// The local command channel's framing: one JSON document each way, the request ended by a newline (the answer by the
/// end of the connection), each with a size limit checked while reading.
/// </summary>
internal static class LocalCommandWire
{
    public static async Task WriteAsync<T>(Stream stream, T message, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(message, JsonSerializerOptions.Web);
        await stream.WriteAsync(json, cancellationToken);
        await stream.WriteAsync("\n"u8.ToArray(), cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    /// <summary>Reads up to the first newline or the end of the stream, at most <paramref name="maxBytes"/>.</summary>
    /// <exception cref="InvalidDataException">The message is longer than allowed.</exception>
    public static async Task<T?> ReadAsync<T>(Stream stream, int maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        while (true)
        {
            var memory = buffer.GetMemory(4096);
            var read = await stream.ReadAsync(memory, cancellationToken);
            if (read == 0)
            {
                break;
            }

            var newline = memory.Span[..read].IndexOf((byte)'\n');
            buffer.Advance(newline >= 0 ? newline : read);
            if (buffer.WrittenCount > maxBytes)
            {
                throw new InvalidDataException($"The message is over {maxBytes} bytes.");
            }

            if (newline >= 0)
            {
                break;
            }
        }

        return JsonSerializer.Deserialize<T>(buffer.WrittenSpan, JsonSerializerOptions.Web);
    }
}
