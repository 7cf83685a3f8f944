using System.Globalization;
using ChatBotHost.Abstractions.Messages;
using ChatBotHost.Abstractions.Timers;
using ChatBotHost.Abstractions.Turns;
using ChatBotHost.Bitrix.Events;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBotHost.Bots.Digest;

/// <summary>/subscribe [HH:MM], /unsubscribe and /digest, and the timer that sends the daily digest and re-arms itself.</summary>
public static class DigestCommands
{
    /// <summary>The timer callback's name.</summary>
    public const string TimerName = "daily-digest";

    /// <summary>Told when /subscribe's time does not read.</summary>
    public const string SubscribeUsage = "Usage: /subscribe [HH:MM], for example /subscribe 18:30 (24-hour clock, UTC; default 09:00).";

    /// <summary>Subscribes this dialog, replacing an earlier subscription (its timer is cancelled).</summary>
    public static async Task SubscribeAsync(CommandInvoked command, ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(turn);
        if (!DigestTime.TryParse(command.Params, out var at))
        {
            await turn.AnswerCommandAsync(SubscribeUsage, cancellationToken);
            return;
        }

        await CancelAsync(turn, cancellationToken);
        await ArmAsync(turn, at, cancellationToken);
        await turn.AnswerCommandAsync($"Subscribed: a digest of this chat every day at {DigestTime.Format(at)} UTC.", cancellationToken);
    }

    /// <summary>Stops the digest and cancels its timer.</summary>
    public static async Task UnsubscribeAsync(CommandInvoked _, ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var text = await CancelAsync(turn, cancellationToken)
            ? "Unsubscribed: no more daily digests here."
            : "This chat is not subscribed to a digest.";
        await turn.AnswerCommandAsync(text, cancellationToken);
    }

    /// <summary>Sends the digest now (and starts a new count, as a daily one does).</summary>
    public static async Task DigestNowAsync(CommandInvoked _, ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        await turn.AnswerCommandAsync(await TakeDigestAsync(turn, cancellationToken), cancellationToken);
    }

    /// <summary>The daily timer: sends the digest and arms tomorrow's. A timer of a replaced or ended subscription does nothing.</summary>
    public static async Task FiredAsync(TimerFired timer, ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        ArgumentNullException.ThrowIfNull(turn);
        var subscription = await turn.State.GetAsync<DigestSubscription>(DigestSubscription.StateKey, cancellationToken);
        if (subscription is null || !string.Equals(subscription.TimerId, timer.TimerId, StringComparison.Ordinal))
        {
            return;
        }

        var digest = await TakeDigestAsync(turn, cancellationToken);
        // Tomorrow's first, then the message: whoever sees the digest can count on the next one being armed.
        await ArmAsync(turn, subscription.At, cancellationToken);
        await turn.ReplyAsync(digest, cancellationToken);
    }

    /// <summary>Counts a message the user sent, with its files, towards the next digest.</summary>
    public static async Task CountAsync(MessageAdded message, ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(turn);
        var tally = await turn.State.GetAsync<DigestTally>(DigestTally.StateKey, cancellationToken) ?? new DigestTally { Since = Now(turn) };
        var largest = message.Message.Files.MaxBy(f => f.Size);
        if (largest is not null && (tally.LargestName is null || largest.Size > tally.LargestSize))
        {
            tally = tally with { LargestName = FileReceipt.NameOf(largest), LargestSize = largest.Size };
        }

        turn.State.Set(DigestTally.StateKey, tally with { Messages = tally.Messages + 1, Files = tally.Files + message.Message.Files.Count });
    }

    /// <summary>The digest text; the count starts again from now.</summary>
    public static async Task<string> TakeDigestAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var now = Now(turn);
        var tally = await turn.State.GetAsync<DigestTally>(DigestTally.StateKey, cancellationToken);
        turn.State.Set(DigestTally.StateKey, new DigestTally { Since = now });
        var since = (tally?.Since ?? now).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        if (tally is null || tally.Messages == 0)
        {
            return $"📰 Digest: nothing new since {since} UTC.";
        }

        var text = $"📰 Digest since {since} UTC: {Count(tally.Messages, "message")}, {Count(tally.Files, "file")}";
        return tally.LargestName is null
            ? text + "."
            : $"{text}; the largest: {BbCode.Escape(tally.LargestName)} ({FileSize.Describe(tally.LargestSize)}).";
    }

    private static async Task ArmAsync(ITurnContext turn, TimeOnly at, CancellationToken cancellationToken)
    {
        // A one-off timer re-armed each time, not a cron job: cron jobs belong to the whole bot, this is per dialog.
        var timerId = await turn.Timers.ScheduleAsync(TimerName, DigestTime.Until(Now(turn), at), payload: null, cancellationToken);
        turn.State.Set(DigestSubscription.StateKey, new DigestSubscription { At = at, TimerId = timerId });
    }

    private static async Task<bool> CancelAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var subscription = await turn.State.GetAsync<DigestSubscription>(DigestSubscription.StateKey, cancellationToken);
        if (subscription is null)
        {
            return false;
        }

        await turn.Timers.CancelAsync(subscription.TimerId, cancellationToken);
        turn.State.Remove(DigestSubscription.StateKey);
        return true;
    }

    // The host's clock, which tests replace with a manual one.
    private static DateTimeOffset Now(ITurnContext turn) => turn.Services.GetRequiredService<TimeProvider>().GetUtcNow();

    private static string Count(int count, string noun) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {noun}{(count == 1 ? "" : "s")}";
}
