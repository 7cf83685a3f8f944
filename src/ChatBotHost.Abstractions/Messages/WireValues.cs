using System.Text.RegularExpressions;

namespace ChatBotHost.Abstractions.Messages;

/// <summary>Value checks and encodings shared by keyboards, attaches and BB-codes.</summary>
internal static partial class WireValues
{
    /// <summary>Bitrix24 reads flags of keyboards and attaches as "Y"/"N" strings, not JSON booleans.</summary>
    public static string YesNo(bool value) => value ? "Y" : "N";

    /// <summary>True for #RGB or #RRGGBB, the only colour forms the messenger accepts.</summary>
    public static bool IsHexColor(string value) => HexColor().IsMatch(value);

    /// <summary>True for an absolute http(s) URL or a portal-relative "/path" (but not the scheme-relative "//host").</summary>
    public static bool IsLink(string value)
    {
        if (value.Length == 0 || value.Any(char.IsControl) || value.Contains(' ', StringComparison.Ordinal))
        {
            return false;
        }

        if (value[0] == '/')
        {
            return value.Length == 1 || value[1] != '/';
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
    }

    [GeneratedRegex("^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$", RegexOptions.CultureInvariant)]
    private static partial Regex HexColor();
}
