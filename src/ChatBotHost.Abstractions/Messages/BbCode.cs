using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatBotHost.Abstractions.Messages;

/// <summary>
/// Builds Bitrix24 BB-code markup (spec §6.2). Text arguments are <see cref="BbText"/>: plain strings are escaped on the
/// way in, markup from other helpers is nested as is. Tag arguments (URLs, commands, colours) are checked instead.
/// </summary>
public static partial class BbCode
{
    /// <summary>A line break.</summary>
    public static BbText LineBreak { get; } = BbText.Raw("[br]");

    /// <summary>Makes user-provided text inert: shown exactly as written, never read as BB-codes or quotes.</summary>
    public static string Escape(string userText) => BbEscaping.Escape(userText ?? string.Empty);

    /// <summary>Composes markup from an interpolated string whose holes are escaped unless they are <see cref="BbText"/>.</summary>
    public static BbText Format(ref BbInterpolatedStringHandler markup) => markup.ToBbText();

    /// <summary>Bold text.</summary>
    public static BbText Bold(BbText text) => Wrap("b", text);

    /// <summary>Italic text.</summary>
    public static BbText Italic(BbText text) => Wrap("i", text);

    /// <summary>Underlined text.</summary>
    public static BbText Underline(BbText text) => Wrap("u", text);

    /// <summary>Struck-through text.</summary>
    public static BbText Strike(BbText text) => Wrap("s", text);

    /// <summary>Text in a font size of 8 to 30 pixels.</summary>
    public static BbText Size(int pixels, BbText text)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pixels, 8);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pixels, 30);
        return Wrap("size", text, pixels.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Text in a colour given as #RGB or #RRGGBB.</summary>
    public static BbText Color(string hex, BbText text)
    {
        Require(WireValues.IsHexColor(hex ?? string.Empty), nameof(hex), $"\"{hex}\" is not a #RGB or #RRGGBB colour.");
        return Wrap("color", text, hex);
    }

    /// <summary>A link that shows its own address (http(s) or portal-relative "/path").</summary>
    public static BbText Url(string url) => BbText.Raw($"[url]{CheckedLink(url)}[/url]");

    /// <summary>A link with its own label.</summary>
    public static BbText Url(string url, BbText text) => Wrap("url", Inline(text), CheckedLink(url));

    /// <summary>A mention of the user with this id, labelled with the name.</summary>
    public static BbText User(int userId, BbText name)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(userId);
        return Wrap("user", Inline(name), userId.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>A mention of every member of the chat, labelled with the text.</summary>
    public static BbText UserAll(BbText label) => Wrap("user", Inline(label), "all");

    /// <summary>A link to the chat with this id.</summary>
    public static BbText Chat(int chatId, BbText text)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chatId);
        return Wrap("chat", Inline(text), chatId.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Quoted lines: each line of the text is prefixed with "&gt;&gt;" (a trailing line break is dropped).</summary>
    public static BbText Quote(BbText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Markup.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        return BbText.Raw(string.Join("\n", lines.Select(line => ">>" + line)));
    }

    /// <summary>A code block showing the text verbatim; only a closing [/code] inside it is escaped.</summary>
    public static BbText Code(string code) => BbText.Raw($"[code]{BbEscaping.EscapeCode(code ?? string.Empty)}[/code]");

    /// <summary>A link that puts the command (or any text) into the user's input field.</summary>
    public static BbText Put(string command, BbText label) => Wrap("put", Inline(label), CheckedArgument(command, nameof(command)));

    /// <summary>A link that sends the command (or any text) as the user's message at once.</summary>
    public static BbText Send(string command, BbText label) => Wrap("send", Inline(label), CheckedArgument(command, nameof(command)));

    /// <summary>A link that calls the phone number.</summary>
    public static BbText Call(string number, BbText label)
    {
        Require(PhoneNumber().IsMatch(number ?? string.Empty), nameof(number), $"\"{number}\" is not a phone number.");
        return Wrap("call", Inline(label), number);
    }

    /// <summary>A moment shown in each reader's time zone, in a Bitrix24 format such as SHORT_TIME_FORMAT.</summary>
    public static BbText Timestamp(DateTimeOffset moment, string format)
    {
        Require(FormatName().IsMatch(format ?? string.Empty), nameof(format), $"\"{format}\" is not a format name.");
        return BbText.Raw(FormattableString.Invariant($"[timestamp={moment.ToUnixTimeSeconds()} format={format}]"));
    }

    private static BbText Wrap(string tag, BbText text, string? argument = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var open = argument is null ? $"[{tag}]" : $"[{tag}={argument}]";
        return BbText.Raw($"{open}{text.Markup}[/{tag}]");
    }

    // A line break inside a label would stop the messenger from matching the closing tag.
    private static BbText Inline(BbText text) => BbText.Raw(text.Markup.ReplaceLineEndings(" "));

    // Tag arguments end at ']' and cannot be escaped, so a bad one is refused rather than mangled.
    private static string CheckedArgument(string value, string name)
    {
        Require(!string.IsNullOrEmpty(value) && value.IndexOfAny(['[', ']', '\r', '\n']) < 0, name,
            $"\"{value}\" must be non-empty and free of '[', ']' and line breaks.");
        return value;
    }

    private static string CheckedLink(string url)
    {
        Require(url is not null && WireValues.IsLink(url), nameof(url), $"\"{url}\" is neither an http(s) URL nor a relative \"/path\".");
        return url!.Replace("[", "%5B", StringComparison.Ordinal).Replace("]", "%5D", StringComparison.Ordinal);
    }

    private static void Require(bool condition, string name, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException(problem, name);
        }
    }

    [GeneratedRegex(@"^\+?[0-9][0-9 ()\-]{2,30}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneNumber();

    [GeneratedRegex("^[A-Za-z_]{1,40}$", RegexOptions.CultureInvariant)]
    private static partial Regex FormatName();
}
