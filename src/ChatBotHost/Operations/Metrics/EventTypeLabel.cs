using System.Collections.Frozen;
using ChatBotHost.Abstractions.Timers;
using ChatBotHost.Bitrix.Events;

namespace ChatBotHost.Operations.Metrics;

/// <summary>
/// The value of a metric's <c>type</c> label. An event's type is whatever its sender wrote (a webhook can name any
/// event), and every distinct label value is a new series kept for the life of the process; so only the types the host
/// knows are labels of their own and everything else is <see cref="Other"/>. The one place that maps them.
/// </summary>
internal static class EventTypeLabel
{
    public const string Other = "other";

    private static readonly FrozenSet<string> Known = FrozenSet.Create(
        StringComparer.Ordinal,
        MessageAdded.WireType,
        MessageUpdated.WireType,
        MessageDeleted.WireType,
        CommandInvoked.WireType,
        BotJoinedChat.WireType,
        BotDeleted.WireType,
        ContextRequested.WireType,
        ReactionChanged.WireType,
        TimerFired.WireType,
        MethodConfirmDecided.WireType);

    /// <summary>The type itself when the host knows it (wire types are matched as decoded: upper case), else "other".</summary>
    public static string Of(string? eventType) => eventType is not null && Known.Contains(eventType) ? eventType : Other;
}
