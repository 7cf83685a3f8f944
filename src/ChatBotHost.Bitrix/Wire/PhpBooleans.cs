namespace ChatBotHost.Bitrix.Wire;

/// <summary>How booleans are written into a PHP form.</summary>
public enum PhpBooleans
{
    /// <summary>"1" and "0", as http_build_query writes PHP's true and false.</summary>
    OneZero,

    /// <summary>"Y" and "N", as Bitrix24 reads flags in untyped query strings (batch sub-calls).</summary>
    YesNo,
}
