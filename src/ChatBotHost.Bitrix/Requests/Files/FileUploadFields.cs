namespace ChatBotHost.Bitrix.Requests.Files;

/// <summary>The <c>fields</c> of File.upload.</summary>
public sealed record FileUploadFields
{
    /// <summary>File name with its extension.</summary>
    public required string Name { get; init; }

    /// <summary>The file as raw Base64 (no data: prefix), at most 100 MB before encoding.</summary>
    public required string Content { get; init; }

    /// <summary>Text posted with the file.</summary>
    public string? Message { get; init; }

    /// <summary>Builds the fields from the file's bytes.</summary>
    public static FileUploadFields FromBytes(string name, ReadOnlySpan<byte> content, string? message = null) =>
        new() { Name = name, Content = Convert.ToBase64String(content), Message = message };
}
