using System.Globalization;
using System.Reflection;

namespace ChatBotHost.Configuration;

/// <summary>
/// Checks the raw "ChatBotHost" section against the options classes before anything binds it. The binder cannot be left
/// to do it: a value it fails to convert in a bot's section makes it drop that bot's whole section without a word (the
/// bot then runs on defaults, or is refused for a "missing" token), and elsewhere it throws an exception naming a CLR
/// type rather than the accepted values. The keys come from the options classes themselves, so a new setting is checked
/// as soon as it has a property.
/// </summary>
internal static class SettingsCheck
{
    /// <summary>Keys read from the configuration directly rather than bound, with what they accept; relative to the section.</summary>
    private static readonly Dictionary<string, SettingKind> ReadDirectly = new(StringComparer.OrdinalIgnoreCase)
    {
        // Hosting.HostLogging.FormatKey
        ["LogFormat"] = SettingKind.OneOf(["text", "json"], emptyMeansUnset: true),
        // Read before the options exist, to pick the state stores; RedisConnection parses it the same way.
        ["Redis:Configuration"] = SettingKind.RedisConfiguration,
    };

    /// <summary>Checks every value of <paramref name="section"/> (the ChatBotHost section).</summary>
    public static SettingsReport Run(IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var errors = new List<string>();
        var warnings = new List<string>();
        CheckSection(section, typeof(ChatBotHostOptions), "", botSection: false, errors, warnings);
        return new SettingsReport(errors, warnings);
    }

    /// <summary>
    /// Checks a bot's own settings (its section, ChatBotHost:Bots:{code}) against the class the bot declared for them;
    /// the host's keys of that section are checked by <see cref="Run"/>.
    /// </summary>
    public static IReadOnlyList<string> RunBotSettings(IConfigurationSection botSection, Type settingsType)
    {
        ArgumentNullException.ThrowIfNull(botSection);
        ArgumentNullException.ThrowIfNull(settingsType);
        var errors = new List<string>();
        CheckSection(botSection, settingsType, botSection.Path, botSection: true, errors, warnings: []);
        return errors;
    }

    private static void CheckSection(IConfigurationSection section, Type type, string relativePath, bool botSection, List<string> errors, List<string> warnings)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true })
            .ToDictionary(p => p.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? p.Name, StringComparer.OrdinalIgnoreCase);
        var defaults = Activator.CreateInstance(type);

        foreach (var child in section.GetChildren())
        {
            var childPath = relativePath.Length == 0 ? child.Key : $"{relativePath}:{child.Key}";
            if (ReadDirectly.TryGetValue(childPath, out var direct))
            {
                CheckValue(child, direct, defaultValue: null, errors);
            }
            else if (properties.TryGetValue(child.Key, out var property))
            {
                CheckProperty(child, property, property.GetValue(defaults), childPath, errors, warnings);
            }
            else if (!botSection)
            {
                // A bot's section also holds the bot's own settings, which only the bot knows; elsewhere this is a typo.
                warnings.Add($"{child.Path} is not a setting of the host and is ignored; {section.Path} knows {string.Join(", ", properties.Keys.Concat(KnownDirectly(relativePath)).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal))}.");
            }
        }
    }

    private static void CheckProperty(IConfigurationSection child, PropertyInfo property, object? defaultValue, string childPath, List<string> errors, List<string> warnings)
    {
        if (SettingKind.For(property.PropertyType) is { } kind)
        {
            CheckValue(child, kind, defaultValue, errors);
        }
        else if (BotMapValueType(property.PropertyType) is { } botType)
        {
            foreach (var bot in child.GetChildren())
            {
                ExpectSection(bot, errors);
                CheckSection(bot, botType, $"{childPath}:{bot.Key}", botSection: true, errors, warnings);
            }
        }
        else
        {
            ExpectSection(child, errors);
            CheckSection(child, property.PropertyType, childPath, botSection: false, errors, warnings);
        }
    }

    private static void CheckValue(IConfigurationSection setting, SettingKind kind, object? defaultValue, List<string> errors)
    {
        if (setting.Value is null)
        {
            if (setting.GetChildren().Any())
            {
                errors.Add($"{setting.Path} is a single value, not a section; it must be {kind.Accepted}.");
            }

            return;
        }

        if (kind.Accepts(setting.Value))
        {
            return;
        }

        // The value itself is not repeated: a secret pasted under the wrong key must not reach the console or a log.
        var fallback = Describe(defaultValue);
        errors.Add(setting.Value.Length == 0
            ? $"{setting.Path} is empty; remove it to keep the default{(fallback is null ? "" : $" ({fallback})")}, or set it to {kind.Accepted}."
            : $"{setting.Path} must be {kind.Accepted}{(fallback is null ? "" : $" (default {fallback})")}.");
    }

    private static void ExpectSection(IConfigurationSection section, List<string> errors)
    {
        if (!string.IsNullOrEmpty(section.Value))
        {
            errors.Add($"{section.Path} is a section, not a single value; set its keys instead (e.g. {section.Path}:…).");
        }
    }

    /// <summary>The value type of a settings map keyed by bot code (ChatBotHost:Bots), or null.</summary>
    private static Type? BotMapValueType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>) && type.GetGenericArguments()[0] == typeof(string)
            ? type.GetGenericArguments()[1]
            : null;

    private static IEnumerable<string> KnownDirectly(string relativePath) =>
        ReadDirectly.Keys
            .Where(k => relativePath.Length == 0 ? !k.Contains(':', StringComparison.Ordinal) : k.StartsWith(relativePath + ":", StringComparison.OrdinalIgnoreCase))
            .Select(k => k[(k.LastIndexOf(':') + 1)..]);

    private static string? Describe(object? value) => value switch
    {
        null => null,
        TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        Enum name => name.ToString().ToLowerInvariant(),
        string text => text.Length == 0 ? null : text,
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => null,
    };
}
