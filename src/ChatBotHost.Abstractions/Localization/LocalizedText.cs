using System.Globalization;

namespace ChatBotHost.Abstractions.Localization;

/// <summary>
/// A text given in one or more languages (two-letter codes). A plain string converts to it and is used for every language.
/// </summary>
public sealed class LocalizedText
{
    private const string Fallback = "en";
    private readonly Dictionary<string, string> _byLanguage;

    /// <summary>Creates a text from (language, text) pairs, e.g. ("en", "Subject?"), ("de", "Betreff?").</summary>
    public LocalizedText(params (string Language, string Text)[] translations)
    {
        ArgumentNullException.ThrowIfNull(translations);
        if (translations.Length == 0)
        {
            throw new ArgumentException("A localized text needs at least one translation.", nameof(translations));
        }

        _byLanguage = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (language, text) in translations)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(language);
            ArgumentNullException.ThrowIfNull(text);
            _byLanguage[language] = text;
        }

        Default = translations[0].Text;
    }

    /// <summary>The text used when neither the culture's language nor English is given: the first translation.</summary>
    public string Default { get; }

    /// <summary>The languages this text is given in.</summary>
    public IReadOnlyCollection<string> Languages => _byLanguage.Keys;

    /// <summary>A text that is the same in every language.</summary>
    public static implicit operator LocalizedText(string text) => new((Fallback, text));

    /// <summary>A text that is the same in every language.</summary>
    public static LocalizedText FromString(string text) => text;

    /// <summary>The text in the culture's language, else English, else the first translation.</summary>
    public string In(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return _byLanguage.TryGetValue(culture.TwoLetterISOLanguageName, out var text)
            || _byLanguage.TryGetValue(Fallback, out text)
            ? text
            : Default;
    }

    /// <summary>The text in the current UI culture, which the host sets from the event's language for each turn.</summary>
    public override string ToString() => In(CultureInfo.CurrentUICulture);
}
