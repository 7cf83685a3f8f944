using System.Globalization;

namespace ChatBotHost.Abstractions.Localization;

/// <summary>Turns the language code of an event into the culture a turn runs in.</summary>
public static class TurnCulture
{
    /// <summary>The culture of a two-letter language code (Bitrix24's "la" = Latin American Spanish); invariant English when unknown.</summary>
    public static CultureInfo For(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return English;
        }

        // Bitrix24 uses a few codes of its own for regional variants.
        var name = language.Trim().ToLowerInvariant() switch
        {
            "la" => "es",
            "br" => "pt-BR",
            "sc" => "zh-Hans",
            "tc" => "zh-Hant",
            "ua" => "uk",
            var code => code,
        };
        try
        {
            return CultureInfo.GetCultureInfo(name);
        }
        catch (CultureNotFoundException)
        {
            return English;
        }
    }

    /// <summary>The culture used when an event names no language.</summary>
    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en");
}
