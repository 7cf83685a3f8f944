namespace ChatBotHost.Abstractions.Messages;

/// <summary>A colour from the messenger's theme, for buttons and attaches.</summary>
public enum ButtonColorToken
{
    /// <summary>The neutral colour (the default; wire: base).</summary>
    Base,

    /// <summary>The accent colour (wire: primary).</summary>
    Primary,

    /// <summary>The muted colour (wire: secondary).</summary>
    Secondary,

    /// <summary>The warning colour (wire: alert).</summary>
    Alert,
}
