using System.Text;
using ChatBotHost.Intake.Http;
using Microsoft.AspNetCore.Http;

namespace ChatBotHost.Tests.Intake.Http;

public sealed class RequestBodyReaderTests
{
    [Fact]
    public async Task ReadAsync_ContentLengthOverCap_RefusedWith413BeforeAByteIsRead()
    {
        var body = new MemoryStream(new byte[2000]);
        var http = Request(body, contentLength: 2000);

        var refused = await Assert.ThrowsAsync<BodyRejectedException>(() => RequestBodyReader.ReadAsync(http, maxBytes: 1000));

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, refused.StatusCode);
        Assert.Equal("The body exceeds 1000 bytes.", refused.Message);
        Assert.Equal(0, body.Position);
    }

    [Fact]
    public async Task ReadAsync_NoContentLengthAndOverCap_RefusedWhileReading()
    {
        // Chunked: the size is known only by counting; the stream hands out 100 bytes at a time.
        var body = new TrickleStream(new byte[5000], chunk: 100);
        var http = Request(body, contentLength: null);

        var refused = await Assert.ThrowsAsync<BodyRejectedException>(() => RequestBodyReader.ReadAsync(http, maxBytes: 1000));

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, refused.StatusCode);
        Assert.True(body.Delivered < 5000, $"it read {body.Delivered} bytes of 5000 before refusing");
    }

    [Fact]
    public async Task ReadAsync_BodyAtTheCap_ReturnsItsTextWithoutBom()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("event=X&data%5Ba%5D=ü")).ToArray();
        var http = Request(new TrickleStream(bytes, chunk: 3), contentLength: null);

        var text = await RequestBodyReader.ReadAsync(http, maxBytes: bytes.Length);

        Assert.Equal("event=X&data%5Ba%5D=ü", text);
    }

    [Fact]
    public async Task ReadAsync_InvalidUtf8_ReadsWithReplacementCharacters()
    {
        var http = Request(new MemoryStream([(byte)'a', 0xC3, 0x28, 0xFF, (byte)'b']), contentLength: 5);

        var text = await RequestBodyReader.ReadAsync(http, maxBytes: 100);

        Assert.Equal("a\uFFFD(\uFFFDb", text);
    }

    private static DefaultHttpContext Request(Stream body, long? contentLength)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = "POST";
        http.Request.Body = body;
        http.Request.ContentLength = contentLength;
        return http;
    }

    /// <summary>A body that arrives in small pieces, as a chunked upload does; counts what was handed out.</summary>
    private sealed class TrickleStream(byte[] content, int chunk) : Stream
    {
        public int Delivered { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Delivered; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, chunk), content.Length - Delivered);
            Array.Copy(content, Delivered, buffer, offset, n);
            Delivered += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = Math.Min(Math.Min(buffer.Length, chunk), content.Length - Delivered);
            content.AsMemory(Delivered, n).CopyTo(buffer);
            Delivered += n;
            return ValueTask.FromResult(n);
        }

        public override void Flush() => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
