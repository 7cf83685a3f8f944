namespace ChatBotHost.BrowserTests.WebDriver;

/// <summary>A W3C WebDriver error answer ("no such element", "stale element reference", …).</summary>
public sealed class WebDriverException : Exception
{
    public WebDriverException()
    {
    }

    public WebDriverException(string message)
        : base(message)
    {
    }

    public WebDriverException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public WebDriverException(string error, string message)
        : base($"{error}: {message}") => Error = error;

    /// <summary>The W3C error code, e.g. "stale element reference".</summary>
    public string Error { get; } = "";
}
