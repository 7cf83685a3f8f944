using ChatBotHost.Hosting;
using Microsoft.Extensions.Options;

try
{
    await using var app = await ChatBotHostApp.BuildAsync(args);
    await app.RunAsync();
    return 0;
}
catch (OptionsValidationException ex)
{
    // A configuration mistake is the operator's to fix: say which settings, without a stack trace.
    await Console.Error.WriteLineAsync("ChatBotHost cannot start; fix these settings:");
    foreach (var failure in ex.Failures)
    {
        await Console.Error.WriteLineAsync($"  - {failure}");
    }

    return 2;
}
