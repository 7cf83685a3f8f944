using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace ChatBotHost.Abstractions.Messages;

/// <summary>
/// Builds <see cref="BbCode.Format"/> markup: the literal parts are trusted markup written by the bot author, the holes
/// are escaped unless they already are <see cref="BbText"/>.
/// </summary>
[InterpolatedStringHandler]
public ref struct BbInterpolatedStringHandler
{
    private readonly StringBuilder _markup;

    /// <summary>Called by the compiler for each interpolated string passed to <see cref="BbCode.Format"/>.</summary>
    public BbInterpolatedStringHandler(int literalLength, int formattedCount) =>
        _markup = new StringBuilder(literalLength + (formattedCount * 16));

    /// <summary>Appends a literal part as markup.</summary>
    public readonly void AppendLiteral(string value) => _markup.Append(value);

    /// <summary>Appends markup built elsewhere without escaping it again.</summary>
    public readonly void AppendFormatted(BbText? value) => _markup.Append(value?.Markup);

    /// <summary>Appends a string, escaped.</summary>
    public readonly void AppendFormatted(string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _markup.Append(BbEscaping.Escape(value));
        }
    }

    /// <summary>Appends a value formatted as ordinary interpolation would (current culture), escaped.</summary>
    public readonly void AppendFormatted<T>(T value) => AppendFormatted(value, format: null);

    /// <summary>Appends a value with a format string (current culture), escaped unless it is <see cref="BbText"/>.</summary>
    public readonly void AppendFormatted<T>(T value, string? format)
    {
        if (value is BbText markup)
        {
            AppendFormatted(markup);
            return;
        }

        AppendFormatted(value is IFormattable formattable ? formattable.ToString(format, CultureInfo.CurrentCulture) : value?.ToString());
    }

    /// <summary>The markup built so far.</summary>
    public readonly BbText ToBbText() => BbText.Raw(_markup.ToString());
}
