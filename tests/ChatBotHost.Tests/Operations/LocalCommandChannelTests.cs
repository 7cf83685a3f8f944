using System.Text;
using ChatBotHost.Operations.Cli;

namespace ChatBotHost.Tests.Operations;

/// <summary>The local command channel is this user's alone, and its messages are bounded while they are read.</summary>
public sealed class LocalCommandChannelTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private readonly string _root = Directory.CreateTempSubdirectory("cbh-channel-").FullName;

    [Fact]
    public void EnsurePrivateDirectory_Missing_CreatesItForTheOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix permissions; Windows keeps the directory under the user's profile
        }

        var directory = Path.Combine(_root, "chatbothost");

        LocalCommandChannel.EnsurePrivateDirectory(directory);

        Assert.Equal(OwnerOnly, File.GetUnixFileMode(directory));
        Assert.True(LocalCommandChannel.IsPrivate(directory));
    }

    [Fact]
    public void EnsurePrivateDirectory_OpenToOthers_IsRefusedAndNotPrivate()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix permissions; Windows keeps the directory under the user's profile
        }

        var directory = Path.Combine(_root, "chatbothost");
        Directory.CreateDirectory(directory);
        File.SetUnixFileMode(directory, OwnerOnly | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);

        Assert.Throws<UnauthorizedAccessException>(() => LocalCommandChannel.EnsurePrivateDirectory(directory));
        Assert.False(LocalCommandChannel.IsPrivate(directory));
    }

    [Fact]
    public void ProcessIdOf_NamesThisHostMakesAndOthers_ReadsOnlyItsOwn()
    {
        var mine = LocalCommandChannel.NewSocketPath(_root);

        Assert.Equal(Environment.ProcessId, LocalCommandChannel.ProcessIdOf(mine));
        Assert.Null(LocalCommandChannel.ProcessIdOf(Path.Combine(_root, "something.sock")));
    }

    [Fact]
    public async Task ReadAsync_MessageOverTheLimit_IsRefusedWhileReading()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("{\"args\":[\"" + new string('x', 10_000) + "\"]}\n"));

        await Assert.ThrowsAsync<InvalidDataException>(() => LocalCommandWire.ReadAsync<LocalCommandRequest>(stream, LocalCommandRequest.MaxBytes, CancellationToken.None));
    }

    [Fact]
    public async Task WriteThenRead_Request_RoundTripsUpToTheNewline()
    {
        using var stream = new MemoryStream();
        await LocalCommandWire.WriteAsync(stream, new LocalCommandRequest(["deadletters", "list", "--count", "5"]), CancellationToken.None);
        stream.Write("trailing"u8);
        stream.Position = 0;

        var read = await LocalCommandWire.ReadAsync<LocalCommandRequest>(stream, LocalCommandRequest.MaxBytes, CancellationToken.None);

        Assert.Equal(["deadletters", "list", "--count", "5"], read!.Args);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
