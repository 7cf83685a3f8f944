namespace ChatBotHost.Abstractions.Messages;

/// <summary>
/// BB-code markup that is safe to send: built by <see cref="BbCode"/> helpers, or from a plain string, which is escaped
/// on conversion. Helpers take <see cref="BbText"/>, so user strings are escaped and nested markup is kept as is.
/// </summary>
public sealed class BbText
{
    private BbText(string markup) => Markup = markup;

    /// <summary>No text.</summary>
    public static BbText Empty { get; } = new(string.Empty);

    /// <summary>The markup as sent to Bitrix24.</summary>
    public string Markup { get; }

    /// <summary>Makes a plain string inert: shown exactly as written, never read as BB-codes.</summary>
    public static implicit operator BbText(string? text) => FromString(text);

    /// <summary>The markup, so a <see cref="BbText"/> goes wherever message text is expected.</summary>
    public static implicit operator string(BbText? text) => text?.Markup ?? string.Empty;

    /// <summary>Makes a plain string inert (see <see cref="BbCode.Escape"/>).</summary>
    public static BbText FromString(string? text) => string.IsNullOrEmpty(text) ? Empty : new(BbEscaping.Escape(text));

    /// <summary>Trusts the string as markup without escaping it; never pass user-provided text here.</summary>
    public static BbText Raw(string markup)
    {
        ArgumentNullException.ThrowIfNull(markup);
        return new(markup);
    }

    /// <summary>The markup.</summary>
    public override string ToString() => Markup;
}
