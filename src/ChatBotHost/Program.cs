using ChatBotHost.Hosting;
using ChatBotHost.Operations.Cli;
using ChatBotHost.Operations.Health;
using Microsoft.Extensions.Options;

try
{
    // First of all: the child that compiles the bots folder loads the compiler and nothing of the web host.
    if (args is [ChatBotHost.LiveBots.CompileBotsCommand.Verb])
    {
        return await ChatBotHost.LiveBots.CompileBotsCommand.RunAsync(Console.In, Console.Out);
    }

    if (args is [HealthProbe.Switch, ..])
    {
        return await HealthProbe.RunAsync(args, Console.Error);
    }

    if (CliParser.IsCommand(args))
    {
        return await HostCli.RunAsync(args, Console.Out, Console.Error);
    }

    await using var app = await ChatBotHostApp.BuildAsync(args);
    try
    {
        await app.StartAsync();
    }
    catch
    {
        // Start-up failed (its port in use, say) after some services had started. Stopped here, before the container
        // is disposed, so a Quartz job still running finishes instead of faulting on the disposed container.
        await app.StopAsync(CancellationToken.None);
        throw;
    }

    await app.WaitForShutdownAsync();
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
catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
{
    // Kestrel's message names the address; the operator needs that and the setting to change, not a stack trace.
    await Console.Error.WriteLineAsync(
        $"ChatBotHost cannot start: {ex.Message} Another process listens there; choose another with --urls or ASPNETCORE_URLS.");
    return 2;
}
catch (CliException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}
