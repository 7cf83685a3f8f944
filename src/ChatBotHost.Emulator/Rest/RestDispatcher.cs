using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Limits;
using ChatBotHost.Emulator.OAuth;
using ChatBotHost.Emulator.Observation;
using ChatBotHost.Emulator.Portal;
using ChatBotHost.Emulator.Portal.State;

namespace ChatBotHost.Emulator.Rest;

/// <summary>Finds a method by name, authorizes, runs it under the portal lock and records the call.</summary>
internal sealed class RestDispatcher
{
    public const string BatchMethodName = "batch";
    private readonly Dictionary<string, RestMethod> _methods = new(StringComparer.OrdinalIgnoreCase);
    private readonly PortalState _state;
    private readonly ObservedLog<RecordedCall> _calls;
    private readonly PortalLimits _limits;
    private readonly MethodConfirmations _confirmations;

    public RestDispatcher(EmulatedPortal portal)
    {
        _state = portal.State;
        _calls = portal.CallLog;
        _limits = portal.Limits;
        _confirmations = portal.OAuth.Confirmations;
        IEnumerable<RestMethod> methods =
        [
            .. BotMethods.All(), .. CommandMethods.All(), .. MessageMethods.All(), .. FileMethods.All(), .. ChatMethods.All(),
            .. EventMethods.All(), .. UserEventMethods.All(), .. UserMethods.All(), .. AppEventMethods.All(portal.OAuth),
            .. TaskMethods.All(), .. LeadMethods.All(), .. NotifyMethods.All(), new RestMethod(BatchMethodName, BotAuth.Custom, new BatchMethod(this).Invoke),
        ];
        foreach (var method in methods)
        {
            _methods.Add(method.Name, method);
        }
    }

    /// <summary>Runs one call for <paramref name="caller"/> (the user its credentials act as, and an application's access token).</summary>
    public RestOutcome Invoke(string method, JsonObject parameters, bool inBatch, Caller caller)
    {
        var name = MethodNames.Normalize(method);
        var start = _state.Now;
        RestOutcome outcome;
        try
        {
            if (!_methods.TryGetValue(name, out var found))
            {
                throw new RestException("ERROR_METHOD_NOT_FOUND", "Method not found!", 404);
            }

            if (inBatch && found.Name == BatchMethodName)
            {
                throw new RestException("ERROR_BATCH_METHOD_NOT_ALLOWED", "Method is not allowed for batch usage", 405);
            }

            // The outer batch has no time budget of its own; its sub-calls come through here one by one (spec §2.4).
            if (found.Name != BatchMethodName && _limits.OperatingBlockedUntil(found.Name) is { } resetAt)
            {
                throw RestException.OperationTimeLimit(resetAt);
            }

            // Only applications are asked; the permission is the access token's (also inside a batch, per sub-call).
            if (caller is { AccessToken: { } token, UserId: { } user } && _confirmations.Check(found.Name, token, user) is { } refusal)
            {
                throw refusal;
            }

            JsonNode? result;
            RestCall call;
            lock (_state.Gate)
            {
                call = BotAuthorization.Authorize(found, new RestParams(parameters), _state, caller);
                result = found.Handler(call);
            }

            outcome = new RestOutcome(200, result, null, null, start, _state.Now) { Page = call.Page };
        }
        catch (RestException error)
        {
            outcome = RestOutcome.Failure(error, start, _state.Now);
        }
#pragma warning disable CA1031 // an emulator bug must still answer like Bitrix24's 500, and show up in the call log
        catch (Exception bug)
#pragma warning restore CA1031
        {
            var error = new RestException("INTERNAL_SERVER_ERROR", $"Emulator fault: {bug.GetType().Name}: {bug.Message}", 500);
            outcome = RestOutcome.Failure(error, start, _state.Now);
        }

        _calls.Add(new RecordedCall(name, outcome.Status, outcome.Error, outcome.Finish) { InBatch = inBatch });
        ActivityEntries.Call(_state.Activity, name, parameters, outcome, inBatch);
        return outcome;
    }
}
