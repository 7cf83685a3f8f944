using ChatBotHost.Abstractions.Dialogs;

namespace ChatBotHost.Tests.Dialogs.Support;

/// <summary>A test dialog that writes "{Name} ended {Reason}" to the <see cref="DialogLog"/> whenever it ends.</summary>
public abstract class LoggedDialog<TState>(DialogLog log) : Dialog<TState>
    where TState : class, new()
{
    protected override Task OnEndAsync(DialogEnding<TState> ending, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ending);
        log.Add($"{GetType().Name} ended {ending.Reason}");
        return Task.CompletedTask;
    }
}
