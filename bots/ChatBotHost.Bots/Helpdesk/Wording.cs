using System.Globalization;
using ChatBotHost.Abstractions.Localization;

namespace ChatBotHost.Bots.Helpdesk;

/// <summary>Fills the helpdesk's localized templates, in one culture or in every language a template has.</summary>
public static class Wording
{
    /// <summary>The template in the culture's language with its {0}… filled; localized arguments are taken in that language too.</summary>
    public static string Format(LocalizedText template, CultureInfo culture, params object[] args)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(args);
        var resolved = args.Select(a => a is LocalizedText text ? text.In(culture) : a).ToArray();
        return string.Format(culture, template.In(culture), resolved);
    }

    /// <summary>
    /// The filled template as a new localized text. A prompt is built from the dialog's state before the turn's culture
    /// is applied to it, so a question that names earlier answers is filled in every language it is given in.
    /// </summary>
    public static LocalizedText ForEveryLanguage(LocalizedText template, params object[] args)
    {
        ArgumentNullException.ThrowIfNull(template);
        return new LocalizedText(template.Languages
            .Select(language => (language, Format(template, CultureInfo.GetCultureInfo(language), args)))
            .ToArray());
    }
}
