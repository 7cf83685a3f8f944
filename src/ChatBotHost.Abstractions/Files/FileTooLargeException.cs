namespace ChatBotHost.Abstractions.Files;

/// <summary>A file over Bitrix24's 100 MB limit, refused before anything was sent or read past the limit.</summary>
public sealed class FileTooLargeException : Exception
{
    /// <summary>Creates the exception for a file of <paramref name="size"/> bytes (null: larger than the limit, size unknown).</summary>
    public FileTooLargeException(string? name, long? size)
        : base($"File '{name}' is {(size is { } s ? $"{s / (1024.0 * 1024):0.#} MB" : "larger than the limit")}; Bitrix24 takes at most 100 MB per file.")
    {
        FileName = name;
        Size = size;
    }

    /// <summary>Creates the exception.</summary>
    public FileTooLargeException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public FileTooLargeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public FileTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The file's name.</summary>
    public string? FileName { get; }

    /// <summary>Its size in bytes, when known.</summary>
    public long? Size { get; }
}
