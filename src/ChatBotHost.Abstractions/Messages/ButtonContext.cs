namespace ChatBotHost.Abstractions.Messages;

/// <summary>Which clients show a button.</summary>
public enum ButtonContext
{
    /// <summary>Every client (the default; wire: ALL).</summary>
    All,

    /// <summary>Mobile clients only (wire: MOBILE).</summary>
    Mobile,

    /// <summary>Desktop and web clients only (wire: DESKTOP).</summary>
    Desktop,
}
