using System.Globalization;
using ChatBotHost.Emulator.Portal.State;

namespace ChatBotHost.Emulator.Portal;

/// <summary>Reading the message history and waiting for bots' messages.</summary>
internal sealed class MessageObservation(PortalState state)
{
    public IReadOnlyList<EmulatedMessage> Get(string? dialogId)
    {
        lock (state.Gate)
        {
            return [.. state.Messages.Values.Where(m => dialogId is null || string.Equals(m.DialogId, dialogId, StringComparison.OrdinalIgnoreCase))];
        }
    }

    public IReadOnlyList<EmulatedMessage> Get(int userId, string dialogId)
    {
        lock (state.Gate)
        {
            var chat = int.TryParse(dialogId, NumberStyles.None, CultureInfo.InvariantCulture, out var botId)
                ? state.FindPrivateChat(userId, botId)
                : state.Chats.Values.FirstOrDefault(c => string.Equals(c.GroupDialogId, dialogId, StringComparison.OrdinalIgnoreCase));
            return chat is null ? [] : [.. state.Messages.Values.Where(m => m.ChatId == chat.Id)];
        }
    }

    public IReadOnlyList<EmulatedReaction> Reactions(int messageId)
    {
        lock (state.Gate)
        {
            return [.. state.Reactions.Where(r => r.MessageId == messageId)];
        }
    }

    /// <summary>Completes with the first bot message (new or changed) matching; one already present counts.</summary>
    public Task<EmulatedMessage> WaitForBotMessageAsync(
        Func<EmulatedMessage, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken)
    {
        bool Matches(EmulatedMessage m) => m.PostedByBotId is not null && predicate(m);
        TaskCompletionSource<EmulatedMessage> completion;
        lock (state.Gate)
        {
            var existing = state.Messages.Values.FirstOrDefault(Matches);
            if (existing is not null)
            {
                return Task.FromResult(existing);
            }

            // Messages are stored under this lock too, so none can slip between the scan and the registration.
            completion = state.MessageWaiters.Add(Matches);
        }

        return state.MessageWaiters.AwaitAsync(completion, timeout, () => Describe(timeout), cancellationToken);
    }

    private string Describe(TimeSpan timeout)
    {
        var recent = Get(null).TakeLast(10)
            .Select(m => $"  #{m.Id} {m.DialogId} from {m.AuthorId}{(m.PostedByBotId is null ? "" : " (bot)")}: {m.Text}");
        return $"No matching bot message within {timeout.TotalSeconds:0.#} s. Recent messages:{Environment.NewLine}"
            + string.Join(Environment.NewLine, recent);
    }
}
