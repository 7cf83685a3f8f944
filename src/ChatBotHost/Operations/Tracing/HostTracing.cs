using System.Diagnostics;
using ChatBotHost.Delivery;
using ChatBotHost.Hosting;
using ChatBotHost.State;

namespace ChatBotHost.Operations.Tracing;

/// <summary>
/// The host's one <see cref="ActivitySource"/> and the spans it starts: an event's intake, its turn, and the REST
/// requests of the send queue. Names and tags are bounded (method names, portal keys, bot codes, sources, error codes): never a
/// message's text, a token, or a URL (a webhook URL carries its secret).
/// </summary>
internal static class HostTracing
{
    public const string SourceName = "ChatBotHost";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>The intake of a webhook delivery or of an Event.get page; the events it stores carry its context.</summary>
    public static Activity? StartIntake(string source, HostedBot bot)
    {
        var activity = Source.StartActivity("intake", ActivityKind.Server);
        activity?.SetTag("chatbothost.source", source);
        activity?.SetTag("chatbothost.portal", bot.Portal.Key);
        activity?.SetTag("chatbothost.bot", bot.Code);
        return activity;
    }

    /// <summary>
    /// The turn of a stored event, a child of the intake that stored it: the context travels with the event through
    /// the inbox, so a turn run on another replica, or after a restart, still joins the event's trace.
    /// </summary>
    public static Activity? StartTurn(InboxItem item)
    {
        // An entry stored before tracing existed has no context, nor has one whose context did not parse: a new trace.
        ActivityContext.TryParse(item.TraceParent, null, isRemote: true, out var parent);
        var activity = Source.StartActivity("turn", ActivityKind.Consumer, parent);
        activity?.SetTag("chatbothost.source", item.Source);
        activity?.SetTag("chatbothost.portal", item.Portal);
        activity?.SetTag("chatbothost.bot", item.BotCode);
        activity?.SetTag("chatbothost.attempt", item.Attempts + 1);
        return activity;
    }

    /// <summary>Records how the current turn ended; a failed one is marked as an error.</summary>
    public static void TurnEnded(Pipeline.TurnOutcome outcome)
    {
        var turn = Activity.Current;
        turn?.SetTag("chatbothost.turn.outcome", outcome.ToString());
        if (outcome == Pipeline.TurnOutcome.Failed)
        {
            turn?.SetStatus(ActivityStatusCode.Error);
        }
    }

    /// <summary>A call sent alone: a child of the turn that queued it, named by its method.</summary>
    public static Activity? StartCall(QueuedCall call) =>
        Client(Source.StartActivity(call.Method, ActivityKind.Client, call.Trace), call, call.Method);

    /// <summary>
    /// A batch carries calls of several turns, so it is a child of none: it links each of them instead.
    /// </summary>
    public static Activity? StartBatch(IReadOnlyList<QueuedCall> calls)
    {
        var links = calls.Where(c => c.Trace != default).Select(c => new ActivityLink(c.Trace)).ToArray();
        // The caller (the flush loop) may have an activity of its own; the batch must not become its child.
        Activity.Current = null;
        var activity = Source.StartActivity("batch", ActivityKind.Client, parentContext: default, links: links);
        activity?.SetTag("chatbothost.batch.calls", calls.Count);
        return Client(activity, calls[0], "batch");
    }

    /// <summary>Marks a failed request with the portal's error code (bounded), never the exception's text.</summary>
    public static void Failed(Activity? activity, Exception error) =>
        activity?.SetStatus(ActivityStatusCode.Error, error is Bitrix.Client.BitrixApiException api ? api.Error : error.GetType().Name);

    private static Activity? Client(Activity? activity, QueuedCall call, string method)
    {
        activity?.SetTag("rpc.method", method);
        activity?.SetTag("chatbothost.portal", call.Bot.Portal.Key);
        activity?.SetTag("chatbothost.bot", call.Bot.Code);
        return activity;
    }
}
