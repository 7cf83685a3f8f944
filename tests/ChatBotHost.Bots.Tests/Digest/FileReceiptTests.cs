using System.Security.Cryptography;
using System.Text;
using ChatBotHost.Bots.Digest;

namespace ChatBotHost.Bots.Tests.Digest;

public sealed class FileReceiptTests
{
    // Generous: the hash of a few bytes takes microseconds; this only bounds a broken test.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task File_AnsweredWithNameAndSize_ThenItsHashIsPostedProactivelyIntoTheSameDialog()
    {
        var messenger = new RecordingMessenger();
        await using var host = DigestHost.Create(messenger);
        var content = Encoding.UTF8.GetBytes(new string('x', 1536));

        await host.Conversation()
            .SendFile("report.csv", content).ExpectReply("report.csv: 1.5 KB. Its SHA-256 follows shortly.").ExpectNoMoreReplies();

        var posted = await messenger.First.WaitAsync(Patience);
        Assert.Equal("digest", posted.BotCode);
        Assert.Equal("1", posted.DialogId);
        Assert.Null(posted.MemberId);
        Assert.Equal($"SHA-256 of report.csv: {Convert.ToHexStringLower(SHA256.HashData(content))}", posted.Message.Message);
        Assert.NotNull(posted.IdempotencyKey);
        Assert.Contains("imbot.v2.File.download", host.Calls);
    }

    [Fact]
    public async Task File_OverTheLimit_IsRefusedWithoutDownloadingAndNoHashIsPosted()
    {
        var messenger = new RecordingMessenger();
        await using var host = DigestHost.Create(messenger);

        await host.Conversation()
            .SendFile("backup.iso", (100L * 1024 * 1024) + 1)
            .ExpectReply("backup.iso is 100 MB: files over 100 MB are beyond what Bitrix24 allows, so I cannot read it.")
            .ExpectNoMoreReplies();

        Assert.DoesNotContain("imbot.v2.File.download", host.Calls);
        Assert.Empty(messenger.Sent);
    }

    [Fact]
    public async Task File_Empty_IsAnsweredAndHashedToo()
    {
        var messenger = new RecordingMessenger();
        await using var host = DigestHost.Create(messenger);

        await host.Conversation().SendFile("empty.txt", []).ExpectReply("empty.txt: 0 B. Its SHA-256 follows shortly.");

        var posted = await messenger.First.WaitAsync(Patience);
        Assert.Equal($"SHA-256 of empty.txt: {Convert.ToHexStringLower(SHA256.HashData([]))}", posted.Message.Message);
    }

    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(1023, "1023 B")]
    [InlineData(1024, "1 KB")]
    [InlineData(1536, "1.5 KB")]
    [InlineData(5 * 1024 * 1024, "5 MB")]
    [InlineData(100L * 1024 * 1024, "100 MB")]
    [InlineData((100L * 1024 * 1024) + 1, "100 MB")]
    [InlineData(3L * 1024 * 1024 * 1024, "3 GB")]
    public void Describe_Size_UsesTheLargestUnitWithOneDecimal(long bytes, string expected)
    {
        Assert.Equal(expected, FileSize.Describe(bytes));
    }
}
