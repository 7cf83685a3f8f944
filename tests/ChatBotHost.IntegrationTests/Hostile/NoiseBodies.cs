namespace ChatBotHost.IntegrationTests.Hostile;

/// <summary>Bodies that were never an event: random bytes under a random content type.</summary>
internal static class NoiseBodies
{
    private static readonly string?[] ContentTypes =
        [FormBodies.FormType, JsonBodies.JsonType, "application/octet-stream", "text/plain", null, "multipart/form-data; boundary=x"];

    public static HostileBody RandomBytes(Random random)
    {
        var length = random.Next(20) switch
        {
            0 => random.Next(16 * 1024, 256 * 1024),
            < 6 => random.Next(512, 16 * 1024),
            _ => random.Next(0, 512),
        };
        var bytes = new byte[length];
        random.NextBytes(bytes);
        var type = ContentTypes[random.Next(ContentTypes.Length)];
        return new HostileBody(bytes, type, Answers.Of(400, 403, 413, 415)) { Note = $"{length} bytes" };
    }
}
