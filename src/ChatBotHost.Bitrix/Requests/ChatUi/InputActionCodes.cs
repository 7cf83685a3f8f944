namespace ChatBotHost.Bitrix.Requests.ChatUi;

/// <summary>The statusMessageCode values of Chat.InputAction.notify (spec §4.5).</summary>
public static class InputActionCodes
{
    /// <summary>Thinking…</summary>
    public const string Thinking = "IMBOT_AGENT_ACTION_THINKING";

    /// <summary>Searching…</summary>
    public const string Searching = "IMBOT_AGENT_ACTION_SEARCHING";

    /// <summary>Generating…</summary>
    public const string Generating = "IMBOT_AGENT_ACTION_GENERATING";

    /// <summary>Analyzing…</summary>
    public const string Analyzing = "IMBOT_AGENT_ACTION_ANALYZING";

    /// <summary>Processing…</summary>
    public const string Processing = "IMBOT_AGENT_ACTION_PROCESSING";

    /// <summary>Translating…</summary>
    public const string Translating = "IMBOT_AGENT_ACTION_TRANSLATING";

    /// <summary>Connecting…</summary>
    public const string Connecting = "IMBOT_AGENT_ACTION_CONNECTING";

    /// <summary>Checking…</summary>
    public const string Checking = "IMBOT_AGENT_ACTION_CHECKING";

    /// <summary>Calculating…</summary>
    public const string Calculating = "IMBOT_AGENT_ACTION_CALCULATING";

    /// <summary>Reading documents…</summary>
    public const string ReadingDocs = "IMBOT_AGENT_ACTION_READING_DOCS";

    /// <summary>Composing…</summary>
    public const string Composing = "IMBOT_AGENT_ACTION_COMPOSING";
}
