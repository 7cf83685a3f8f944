using System.Text.Json.Nodes;
using ChatBotHost.Abstractions.Rest;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Requests.Batch;
using ChatBotHost.Bitrix.Requests.Raw;
using ChatBotHost.Delivery;

namespace ChatBotHost.Rest;

/// <summary>
/// Runs an author's batch in order, as requests of at most <c>maxPerRequest</c> commands (50, or the outbox's batch
/// size): references to commands of earlier requests are filled in first (<see cref="RestReferenceFiller"/>); a method
/// that may not travel in a batch (file up/download) and a command the portal refuses inside one
/// (ERROR_BATCH_METHOD_NOT_ALLOWED) go on their own; ERROR_BATCH_LENGTH_EXCEEDED halves the request size for the rest of
/// the batch. With halt, the first failure stops it and later commands are NotRun. A request that fails as a whole
/// (after the outbox's retries) fails each of its commands with that error and ends the batch.
/// </summary>
internal sealed class RestBatchRunner(IRestRequests requests, int maxPerRequest)
{
    private static readonly HashSet<string> NoNames = [];

    private readonly Dictionary<string, RestCommandResult> _outcomes = new(StringComparer.Ordinal);
    private int _size = maxPerRequest;
    private int _aloneUntil;

    public async Task<RestBatchResult> RunAsync(RestBatch batch, CancellationToken cancellationToken)
    {
        var commands = batch.Commands;
        var next = 0;
        var stopped = false;
        while (next < commands.Count && !stopped)
        {
            if (_size == 1 || next < _aloneUntil || !CallKinds.MayBatch(commands[next].Method))
            {
                var outcome = await RunAloneAsync(commands[next], cancellationToken);
                stopped = batch.Halt && outcome.Status == RestCommandStatus.Failed;
                next++;
                continue;
            }

            var chunk = TakeChunk(commands, next);
            if (chunk.Count == 0)
            {
                // The first command's references cannot be filled in: that is its failure.
                Record(commands[next], Fill(commands[next], NoNames).Error!);
                stopped = batch.Halt;
                next++;
                continue;
            }

            (next, stopped) = await RunChunkAsync(batch.Halt, next, chunk, cancellationToken);
        }

        return new RestBatchResult([.. commands.Select(c => _outcomes.GetValueOrDefault(c.Name) ?? NotRun(c))]);
    }

    // The commands from `first` on that go in one request: as many as fit, up to a method that must go alone or a
    // command whose references cannot be filled in (it becomes the first of the next round, and fails there).
    private List<(RestCommand Command, JsonObject Parameters)> TakeChunk(IReadOnlyList<RestCommand> commands, int first)
    {
        var chunk = new List<(RestCommand, JsonObject)>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = first; i < commands.Count && chunk.Count < _size && CallKinds.MayBatch(commands[i].Method); i++)
        {
            if (Fill(commands[i], names) is not ({ } parameters, null))
            {
                break;
            }

            chunk.Add((commands[i], parameters));
            names.Add(commands[i].Name);
        }

        return chunk;
    }

    private async Task<(int Next, bool Stopped)> RunChunkAsync(
        bool halt, int first, List<(RestCommand Command, JsonObject Parameters)> chunk, CancellationToken cancellationToken)
    {
        var request = new BatchRequest { Halt = halt };
        foreach (var (command, parameters) in chunk)
        {
            request.Add(command.Name, new RawRequest(command.Method, parameters));
        }

        BatchResult result;
        try
        {
            result = await requests.SendBatchAsync(request, chunk.Exists(c => RestMethodKinds.HasEffect(c.Command.Method)), cancellationToken);
        }
        catch (BitrixApiException e) when (e.Error == BitrixErrors.BatchLengthExceeded && chunk.Count > 1)
        {
            _size = Math.Max(1, chunk.Count / 2);
            return (first, false);
        }
        catch (BitrixApiException e) when (e.Error is BitrixErrors.BatchLengthExceeded or BitrixErrors.BatchMethodNotAllowed)
        {
            // The portal refused the request, not a command, and names none: each of them goes alone.
            _aloneUntil = first + chunk.Count;
            return (first, false);
        }
        catch (BitrixApiException e)
        {
            chunk.ForEach(c => Record(c.Command, e));
            return (first + chunk.Count, true);
        }

        return await TakeAnswersAsync(halt, first, chunk, result, cancellationToken);
    }

    // Each command's answer, in order. Under halt the portal stopped at the first failure; a command it refused only
    // because it was inside a batch is sent alone, and the batch goes on after it if that succeeded.
    private async Task<(int Next, bool Stopped)> TakeAnswersAsync(
        bool halt, int first, List<(RestCommand Command, JsonObject Parameters)> chunk, BatchResult result, CancellationToken cancellationToken)
    {
        for (var i = 0; i < chunk.Count; i++)
        {
            var command = chunk[i].Command;
            if (result.GetError(command.Name) is { } error)
            {
                var outcome = error.Error == BitrixErrors.BatchMethodNotAllowed
                    ? await RunAloneAsync(command, cancellationToken)
                    : Record(command, error);
                if (halt && (outcome.Status == RestCommandStatus.Failed || error.Error == BitrixErrors.BatchMethodNotAllowed))
                {
                    // The portal stopped at this command: what came after it in the request did not run; go on from there.
                    return (first + i + 1, outcome.Status == RestCommandStatus.Failed);
                }

                continue;
            }

            Record(command, result.Succeeded(command.Name)
                ? Succeeded(command, result.GetResult<RawPage>(command.Name))
                : Failure(command, new BitrixApiException(BitrixErrors.UnexpectedAnswer, $"batch: no answer for '{command.Name}'", System.Net.HttpStatusCode.OK)));
        }

        return (first + chunk.Count, false);
    }

    private async Task<RestCommandResult> RunAloneAsync(RestCommand command, CancellationToken cancellationToken)
    {
        var (parameters, unresolved) = Fill(command, NoNames);
        if (unresolved is not null)
        {
            return Record(command, unresolved);
        }

        try
        {
            return Record(command, Succeeded(command, await requests.SendAloneAsync(command.Method, parameters!, cancellationToken)));
        }
        catch (BitrixApiException e)
        {
            return Record(command, e);
        }
    }

    private (JsonObject? Parameters, BitrixApiException? Error) Fill(RestCommand command, IReadOnlySet<string> sameRequest)
    {
        try
        {
            return (RestReferenceFiller.Fill(command, _outcomes, sameRequest), null);
        }
        catch (BitrixApiException e) when (e.Error == RestErrors.UnresolvedReference)
        {
            return (null, e);
        }
    }

    private RestCommandResult Record(RestCommand command, BitrixApiException error) => Record(command, Failure(command, error));

    private RestCommandResult Record(RestCommand command, RestCommandResult outcome) => _outcomes[command.Name] = outcome;

    private static RestCommandResult Succeeded(RestCommand command, RawPage page) => new()
    {
        Name = command.Name, Method = command.Method, Status = RestCommandStatus.Succeeded, Result = page.Result, Next = page.Next, Total = page.Total,
    };

    private static RestCommandResult Failure(RestCommand command, BitrixApiException error) =>
        new() { Name = command.Name, Method = command.Method, Status = RestCommandStatus.Failed, Error = error };

    private static RestCommandResult NotRun(RestCommand command) =>
        new() { Name = command.Name, Method = command.Method, Status = RestCommandStatus.NotRun };
}
