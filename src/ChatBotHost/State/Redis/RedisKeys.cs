using System.Globalization;
using System.Text;

namespace ChatBotHost.State.Redis;

/// <summary>
/// The one place Redis key names are built. Every family puts the identity a Lua script works on inside a
/// Redis Cluster hash tag (<c>{…}</c>), so all keys one script touches land in the same slot.
/// </summary>
/// <remarks>
/// Components are escaped (<c>%</c>, <c>:</c>, <c>{</c>, <c>}</c> and control characters become <c>%XX</c>), so a
/// dialog id such as <c>chat:1}{x</c> can neither end the hash tag early nor collide with another key.
/// Components are case-sensitive: the caller normalises portal names if it wants case-insensitivity.
/// </remarks>
public sealed class RedisKeys
{
    /// <summary>The prefix used when none is configured.</summary>
    public const string DefaultPrefix = "cbh";

    /// <summary>Creates the key builder; the prefix separates several hosts sharing one Redis.</summary>
    public RedisKeys(string prefix = DefaultPrefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        // A brace in the prefix would become the hash tag itself and put every key of the host into one slot.
        if (prefix.AsSpan().IndexOfAny('{', '}') >= 0)
        {
            throw new ArgumentException("The Redis key prefix must not contain '{' or '}'.", nameof(prefix));
        }

        Prefix = prefix;
    }

    /// <summary>The prefix every key starts with.</summary>
    public string Prefix { get; }

    /// <summary>
    /// <c>cbh:{portal:botId:dialogId}:state</c> — hash {v, data}. Owner: the dialog state store; TTL: the configured
    /// retention, refreshed on every save, so abandoned dialogs disappear on their own.
    /// </summary>
    public string DialogState(DialogKey key) =>
        Build(Tag(key.Portal, Number(key.BotId), key.DialogId), "state");

    /// <summary>
    /// <c>cbh:{portal:botCode}:offset</c> — string (integer). Owner: the fetch receiver, only moved forward;
    /// no TTL (losing it replays the event queue), deleted together with the bot's registration.
    /// </summary>
    public string Offset(string portal, string botCode) =>
        Build(Tag(portal, botCode), "offset");

    /// <summary>
    /// <c>cbh:{portal:botId}:seen:eventKey</c> — string "1". Owner: the deduplication store; TTL: the retention given
    /// when the event was marked (PX), nothing else deletes it.
    /// </summary>
    public string Seen(string portal, int botId, string eventKey) =>
        Build(Tag(portal, Number(botId)), "seen:" + Escape(eventKey));

    /// <summary>
    /// <c>cbh:{portal:botCode}:registration</c> — JSON string. Owner: bot registration (install/uninstall);
    /// no TTL, deleted when the bot is unregistered.
    /// </summary>
    public string Registration(string portal, string botCode) =>
        Build(Tag(portal, botCode), "registration");

    /// <summary>
    /// <c>cbh:{timers}:due</c> — sorted set of <see cref="TimerField"/> members scored by due time in unix ms; a claim
    /// moves the score to the lease end. Owner: the timer store; no TTL: a member goes when its timer is completed
    /// (fired) or cancelled by its owner. All timer keys share the hash tag <c>{timers}</c>, so one script sees them all.
    /// </summary>
    public string TimersDue => Build("timers", "due");

    /// <summary>
    /// <c>cbh:{timers}:entries</c> — hash <see cref="TimerField"/> → timer JSON. Owner: the timer store; no TTL: a field is
    /// deleted with its member in <see cref="TimersDue"/>.
    /// </summary>
    public string TimerEntries => Build("timers", "entries");

    /// <summary>
    /// <c>cbh:{timers}:claims</c> — hash <see cref="TimerField"/> → claim token of the current claim. Owner: the timer
    /// store; no TTL: a field is replaced by the next claim and deleted on re-schedule, completion or cancellation.
    /// </summary>
    public string TimerClaims => Build("timers", "claims");

    /// <summary>
    /// <c>cbh:{&lt;escaped name&gt;}:lease</c> — string holding the owner id, with a PX expiry. Owner: whoever holds the
    /// lease releases it; TTL: the lease time, renewed while held, so a dead holder's lease disappears on its own.
    /// </summary>
    public string Lease(string name) =>
        Build(Tag(name), "lease");

    /// <summary>
    /// <c>cbh:{inbox:portal}:q:botCode:dialogId</c> — list of inbox item JSON, oldest first. Owner: the inbox store; no
    /// TTL: the worker that handled the head pops it, and Redis deletes the list with its last item. Every inbox key of a
    /// portal shares the hash tag <c>{inbox:portal}</c>, so one script sees the portal's queues, ready set and owners.
    /// </summary>
    public string InboxQueue(string portal, string botCode, string dialogId) =>
        InboxQueue(portal, InboxMember(botCode, dialogId));

    /// <summary>The queue key of the dialog named by an <see cref="InboxMember"/>, as read back from the ready set.</summary>
    public string InboxQueue(string portal, string member) =>
        Build(InboxTag(portal), "q:" + member);

    /// <summary>
    /// <c>cbh:{inbox:portal}:ready</c> — sorted set of <see cref="InboxMember"/>s of the dialogs that have events, scored
    /// by the unix ms from which they may be claimed (a claim moves the score to its lease end). Owner: the inbox store;
    /// no TTL: a member goes when its dialog's queue is emptied.
    /// </summary>
    public string InboxReady(string portal) => Build(InboxTag(portal), "ready");

    /// <summary>
    /// <c>cbh:{inbox:portal}:owners</c> — hash <see cref="InboxMember"/> → token of the dialog's current claim. Owner:
    /// the inbox store; no TTL: a field is deleted by the ack or deferral of its claim and replaced by the next claim.
    /// </summary>
    public string InboxOwners(string portal) => Build(InboxTag(portal), "owners");

    /// <summary>
    /// <c>cbh:{inbox:portal}:ranout</c> — hash <see cref="InboxMember"/> → how many claims of the dialog's current head
    /// ran out without an ack, deferral or release (the replica died or hung on it). Owner: the inbox store; no TTL: a
    /// field is deleted with the ack or deferral of its head, which carries the count on in its attempts.
    /// </summary>
    public string InboxRanOut(string portal) => Build(InboxTag(portal), "ranout");

    /// <summary>
    /// <c>cbh:{inbox:portal}:depth</c> — string (integer), the number of queued events of the portal. Owner: the inbox
    /// store (incremented by enqueue, decremented by ack); no TTL: one small key per portal.
    /// </summary>
    public string InboxDepth(string portal) => Build(InboxTag(portal), "depth");

    /// <summary>The member/field naming one dialog inside the inbox keys: <c>botCode:dialogId</c>, each part escaped.</summary>
    public static string InboxMember(string botCode, string dialogId) =>
        Tag(botCode, dialogId);

    /// <summary>
    /// <c>cbh:{portal}:ratelimit</c> — hash {l: level, t: unix ms of the level} of the portal's leaky bucket, shared by
    /// every replica. Owner: the rate-limit store; TTL: the time the level needs to drain to zero (+1 s), refreshed on
    /// every request, so an idle portal's bucket disappears when it is empty anyway.
    /// </summary>
    public string RateLimit(string portal) =>
        Build(Tag(portal), "ratelimit");

    /// <summary>
    /// <c>cbh:{portal:botCode:key}:sent</c> — string holding the JSON result of the bot's call with this idempotency key.
    /// Owner: the sent ledger (the outbox); TTL: the retention given when recorded (PX), nothing else deletes it.
    /// The key itself is in the hash tag, so the entries spread over a cluster's slots.
    /// </summary>
    public string Sent(string portal, string botCode, string key) =>
        Build(Tag(portal, botCode, key), "sent");

    /// <summary>
    /// <c>cbh:{deadletters:portal}:list</c> — list of dead-letter ids, newest first. Owner: the dead-letter store; no
    /// TTL: capped (LTRIM) at the store's capacity, 10,000 by default, an entry also goes when an operator removes it.
    /// </summary>
    public string DeadLetters(string portal) =>
        Build(Tag("deadletters", portal), "list");

    /// <summary>
    /// <c>cbh:{deadletters:portal}:entries</c> — hash id → dead letter JSON. Owner: the dead-letter store; no TTL: a
    /// field is deleted with its id in <see cref="DeadLetters"/> (trimmed or removed), in the same script.
    /// </summary>
    public string DeadLetterEntries(string portal) =>
        Build(Tag("deadletters", portal), "entries");

    /// <summary>
    /// <c>cbh:{portal}:confirmwaits:method</c> — hash botCode:dialogId → the waiting dialog's JSON. Owner: the
    /// method-confirmation waits; TTL: refreshed to the wait retention on every wait recorded; fields are deleted when the
    /// ONAPPMETHODCONFIRM decision was handed to them, and the portal's purge removes the key.
    /// </summary>
    public string MethodConfirmWaits(string portal, string method) =>
        Build(Tag(portal), "confirmwaits:" + Escape(method));

    /// <summary>
    /// SCAN patterns covering every key that belongs to one portal alone: those tagged with the portal and more
    /// (dialog state, offsets, deduplication marks, registrations, sent ledger), its rate-limit bucket, its inbox and
    /// its dead letters. Timers share keys across portals; their fields start with <see cref="PortalTimerFieldPattern"/>.
    /// </summary>
    public IReadOnlyList<string> PortalKeyPatterns(string portal)
    {
        var p = Glob(Escape(portal));
        return [$"{Glob(Prefix)}:{{{p}:*", $"{Glob(Prefix)}:{{{p}}}:*", $"{Glob(Prefix)}:{{inbox:{p}}}:*", $"{Glob(Prefix)}:{{deadletters:{p}}}:*"];
    }

    /// <summary>The HSCAN pattern of the timer fields of one portal.</summary>
    public static string PortalTimerFieldPattern(string portal) => Glob(Escape(portal)) + ":*";

    /// <summary>The member/field naming one timer inside the timer keys: <c>portal:botCode:id</c>, each part escaped.</summary>
    public static string TimerField(string portal, string botCode, string id) =>
        Tag(portal, botCode, id);

    /// <summary>Escapes one key component so it contains no ':', '{', '}' and cannot be confused with another.</summary>
    public static string Escape(string component)
    {
        ArgumentNullException.ThrowIfNull(component);
        if (!NeedsEscaping(component))
        {
            return component;
        }

        var builder = new StringBuilder(component.Length + 8);
        foreach (var c in component)
        {
            if (IsSpecial(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    // One tag per portal, not per dialog: a claim must see the portal's ready set and all its queues in one script.
    /// <summary>
    /// <c>cbh:{portals}:all</c> — hash member_id → JSON. Owner: application install/uninstall; no TTL.
    /// </summary>
    public string Portals => Build("portals", "all");

    /// <summary>
    /// <c>cbh:{oauth:memberId}:tokens</c> — hash {a, r, e, t}. Owner: the token provider (refresh) and install/uninstall;
    /// no TTL (the refresh token lives 180 days and is renewed by the keep-alive job).
    /// </summary>
    public string Tokens(string memberId) => Build(Tag("oauth", memberId), "tokens");

    /// <summary>
    /// <c>cbh:{dataprotection}:keys</c> — list of the Data Protection key ring's XML elements (which encrypt the OAuth
    /// tokens). Owner: ASP.NET Core Data Protection, through <see cref="RedisXmlRepository"/>; no TTL and never trimmed:
    /// a retired key still decrypts what it encrypted.
    /// </summary>
    public string DataProtectionKeys => Build("dataprotection", "keys");

    /// <summary>
    /// <c>cbh:{oauth}:revocations</c> — pub/sub channel (no key): an uninstalled portal, announced to every replica.
    /// </summary>
    public string RevocationChannel => Build("oauth", "revocations");

    /// <summary>
    /// <c>cbh:{oauth}:revocations:confirmed</c> — pub/sub channel (no key): each replica's confirmation that it stopped
    /// calling the revoked portal.
    /// </summary>
    public string RevocationConfirmationChannel => Build("oauth", "revocations:confirmed");

    // Redis glob patterns treat * ? [ ] and \ as special; a key component with one of them must match literally.
    private static string Glob(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c is '*' or '?' or '[' or ']' or '\\' ? "\\" + c : c.ToString());
        }

        return builder.ToString();
    }

    private static string InboxTag(string portal) => "inbox:" + Escape(portal);

    private string Build(string tag, string suffix) => $"{Prefix}:{{{tag}}}:{suffix}";

    private static string Tag(params ReadOnlySpan<string> components)
    {
        var escaped = new string[components.Length];
        for (var i = 0; i < components.Length; i++)
        {
            escaped[i] = Escape(components[i]);
        }

        return string.Join(':', escaped);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static bool NeedsEscaping(string component)
    {
        foreach (var c in component)
        {
            if (IsSpecial(c))
            {
                return true;
            }
        }

        return false;
    }

    // '%' is escaped too so that the encoding stays reversible (and thus collision-free).
    private static bool IsSpecial(char c) => c is '%' or ':' or '{' or '}' || char.IsControl(c);
}
