using System.Text.RegularExpressions;

namespace ChatBotHost.Abstractions.Messages;

/// <summary>
/// Makes user text inert inside Bitrix24 BB markup. Bitrix24 documents no escape syntax for its BB-codes, and whether
/// an HTML entity such as "&amp;#91;" would be decoded or shown literally is undocumented, so neither is relied on.
/// Instead an invisible U+2060 WORD JOINER goes right after each character that opens markup: "[" (every tag), the
/// first '&gt;' of "&gt;&gt;" (quote lines), each '-' followed by another (the "------" quote block) and the '#' of "#BR#"
/// (an old line break). The reader still sees "[b]" or "&gt;&gt;", but no tag name, closing tag or line prefix matches
/// any more. A word joiner rather than a zero-width space because it adds no line-break opportunity.
/// </summary>
internal static partial class BbEscaping
{
    /// <summary>The invisible character that splits markup openers.</summary>
    public const char Joiner = '\u2060';

    /// <summary>Escapes free text; line breaks are kept.</summary>
    public static string Escape(string text) => MarkupOpener().Replace(text, "$0\u2060");

    /// <summary>Escapes text placed between an opening and a closing tag; line breaks become spaces so the tag still matches.</summary>
    public static string EscapeInline(string text) => Escape(LineBreak().Replace(text, " "));

    /// <summary>
    /// Escapes code for a [code] block: only closing "[/code]" tags are split, since the messenger shows the block's
    /// content verbatim and copied code should not carry invisible characters.
    /// </summary>
    public static string EscapeCode(string code) => CodeCloser().Replace(code, "$0\u2060");

    [GeneratedRegex(@"\[|>(?=>)|-(?=-)|#(?=br#)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MarkupOpener();

    [GeneratedRegex(@"\[(?=/code\])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CodeCloser();

    [GeneratedRegex(@"\r\n|\r|\n")]
    private static partial Regex LineBreak();
}
