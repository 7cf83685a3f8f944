using System.Globalization;

namespace ChatBotHost.Configuration;

/// <summary>
/// What one configuration value must look like, checked on the raw string before the binder sees it. Every kind is at
/// least as strict as the binder's converter, so a value it accepts always binds (an enum takes its names only, not the
/// numbers or comma lists the converter would also take).
/// </summary>
internal sealed class SettingKind
{
    private readonly Func<string, bool> _accepts;

    private SettingKind(string accepted, Func<string, bool> accepts, bool emptyMeansUnset = false)
    {
        Accepted = accepted;
        _accepts = accepts;
        EmptyMeansUnset = emptyMeansUnset;
    }

    /// <summary>Says what the value must be, for the error message (e.g. "one of: fetch, webhook").</summary>
    public string Accepted { get; }

    /// <summary>
    /// True when an empty value is a way of leaving the setting unset (strings, nullable values); compose's
    /// <c>${VAR:-}</c> yields exactly that.
    /// </summary>
    public bool EmptyMeansUnset { get; }

    public static SettingKind Duration { get; } = new(
        "a duration written [d.]hh:mm:ss[.fffffff], e.g. 00:00:10 for ten seconds",
        value => TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out _));

    public static SettingKind WholeNumber { get; } = new(
        "a whole number",
        value => int.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _));

    public static SettingKind Number { get; } = new(
        "a number written with a '.' for decimals, e.g. 2 or 0.5",
        value => double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out _));

    public static SettingKind Boolean { get; } = new("true or false", value => bool.TryParse(value, out _));

    /// <summary>A nullable true/false: empty leaves it unset (the binder binds an empty nullable as null).</summary>
    public static SettingKind OptionalBoolean { get; } = new("true or false (or empty for the default)", value => bool.TryParse(value, out _), emptyMeansUnset: true);

    /// <summary>Any text, an empty one included.</summary>
    public static SettingKind Text { get; } = new("text", _ => true, emptyMeansUnset: true);

    /// <summary>The StackExchange.Redis configuration string; empty keeps state in memory.</summary>
    public static SettingKind RedisConfiguration { get; } = new(
        "a StackExchange.Redis configuration string naming at least one endpoint, e.g. localhost:6379,abortConnect=false (or empty for state in memory)",
        IsRedisConfiguration,
        emptyMeansUnset: true);

    /// <summary>One of a fixed set of words, compared without regard to case.</summary>
    public static SettingKind OneOf(IEnumerable<string> names, bool emptyMeansUnset = false)
    {
        var accepted = names.ToArray();
        return new(
            $"one of: {string.Join(", ", accepted)}",
            value => accepted.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase),
            emptyMeansUnset);
    }

    /// <summary>The kind for a property type of the options classes, or null when the type is not a single value.</summary>
    public static SettingKind? For(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return underlying == typeof(bool) ? OptionalBoolean : For(underlying);
        }

        if (type.IsEnum)
        {
            // Lower case, as README writes them; the binder takes any case.
            return OneOf(Enum.GetNames(type).Select(n => n.ToLowerInvariant()));
        }

        return type == typeof(string) ? Text
            : type == typeof(TimeSpan) ? Duration
            : type == typeof(int) ? WholeNumber
            : type == typeof(double) ? Number
            : type == typeof(bool) ? Boolean
            : null;
    }

    public bool Accepts(string value) => value.Length == 0 ? EmptyMeansUnset : _accepts(value);

    private static bool IsRedisConfiguration(string value)
    {
        try
        {
            return StackExchange.Redis.ConfigurationOptions.Parse(value).EndPoints.Count > 0;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
