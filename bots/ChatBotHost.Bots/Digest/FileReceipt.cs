using System.Security.Cryptography;
using ChatBotHost.Abstractions.Files;
using ChatBotHost.Abstractions.Messages;
using ChatBotHost.Abstractions.Proactive;
using ChatBotHost.Abstractions.Turns;
using ChatBotHost.Bitrix.Entities;
using ChatBotHost.Bitrix.Events;
using ChatBotHost.Bitrix.Requests.Messages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBotHost.Bots.Digest;

/// <summary>
/// Answers a file with its name and size at once, then posts its SHA-256 later as a proactive message. The bytes are
/// read in the turn, because the download helper needs the turn's client and services, which end with it; the hashing
/// and the message run after the turn, and the message goes through the dialog's inbox, after whatever came meanwhile.
/// The messenger comes from the turn's services because this handler is static; a bot's constructor may take it as well.
/// </summary>
public static class FileReceipt
{
    /// <summary>Told for a message without files.</summary>
    public const string Usage =
        "Send me a file and I tell you its size and SHA-256. Commands: /subscribe [HH:MM] (daily digest, UTC), /unsubscribe, /digest.";

    /// <summary>The file's name, or its id when the event named only that.</summary>
    public static string NameOf(ChatFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return string.IsNullOrWhiteSpace(file.Name) ? $"file {file.Id}" : file.Name;
    }

    /// <summary>The message's text over the limit, for a file Bitrix24 would not take either.</summary>
    public static string TooLarge(string name, long? size) =>
        $"{BbCode.Escape(name)} is {(size is { } s ? FileSize.Describe(s) : "larger than that")}: "
        + "files over 100 MB are beyond what Bitrix24 allows, so I cannot read it.";

    /// <summary>Counts the message for the digest and answers each file it carries.</summary>
    public static async Task HandleAsync(MessageAdded message, ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(turn);
        await DigestCommands.CountAsync(message, turn, cancellationToken);
        var files = message.Message.Files;
        if (files.Count == 0)
        {
            await turn.ReplyAsync(Usage, cancellationToken);
            return;
        }

        foreach (var file in files)
        {
            await AnswerAsync(file, turn, cancellationToken);
        }
    }

    private static async Task AnswerAsync(ChatFile file, ITurnContext turn, CancellationToken cancellationToken)
    {
        var name = NameOf(file);
        if (file.Size > FileExtensions.MaxBytes)
        {
            await turn.ReplyAsync(TooLarge(name, file.Size), cancellationToken);
            return;
        }

        byte[] content;
        try
        {
            content = await turn.DownloadFileAsync(file, cancellationToken);
        }
        catch (FileTooLargeException tooLarge)
        {
            // The event announced less than the portal sent.
            await turn.ReplyAsync(TooLarge(name, tooLarge.Size), cancellationToken);
            return;
        }

        await turn.ReplyAsync($"{BbCode.Escape(name)}: {FileSize.Describe(content.Length)}. Its SHA-256 follows shortly.", cancellationToken);
        var post = new HashPost(turn.BotCode, turn.DialogId!, file.Id, name, content);
        var messenger = turn.Services.GetRequiredService<IBotMessenger>();
        var logger = turn.Services.GetRequiredService<ILogger<DigestBot>>();
        // Not awaited: the turn (and the dialog's lock) ends now; the hash arrives as a message of its own.
        _ = Task.Run(() => PostHashAsync(post, messenger, logger), CancellationToken.None);
    }

    private static async Task PostHashAsync(HashPost post, IBotMessenger messenger, ILogger logger)
    {
        try
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(post.Content));
            await messenger.SendAsync(
                new ProactiveMessage
                {
                    BotCode = post.BotCode,
                    DialogId = post.DialogId,
                    Message = new MessageFields { Message = $"SHA-256 of {BbCode.Escape(post.Name)}: {hash}" },
                    // A turn run again after a redelivery hashes again; the key makes the second post a no-op.
                    IdempotencyKey = $"digest-sha256:{post.DialogId}:{post.FileId}",
                },
                CancellationToken.None);
        }
#pragma warning disable CA1031 // Nobody awaits this task: whatever fails must be logged here or it is lost.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            logger.LogWarning(failure, "Posting the SHA-256 of file {FileId} into dialog {DialogId} failed", post.FileId, post.DialogId);
        }
    }
}
