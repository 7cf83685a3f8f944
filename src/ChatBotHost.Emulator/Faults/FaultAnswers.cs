using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Observation;
using ChatBotHost.Emulator.Portal;
using ChatBotHost.Emulator.Rest;
using Microsoft.AspNetCore.Http;

namespace ChatBotHost.Emulator.Faults;

/// <summary>Carries out an injected fault on one HTTP request, before the call runs and after it, and records it.</summary>
internal sealed class FaultAnswers(EmulatedPortal portal)
{
    /// <summary>Answers or cuts a request the fault keeps from the portal; false when the call should run.</summary>
    public async Task<bool> PreemptAsync(HttpContext http, string method, Fault fault)
    {
        switch (fault.Kind)
        {
            case FaultKind.Http503QueryLimit:
                await AnswerAsync(http, method, fault, 503, JsonAnswer.Error("QUERY_LIMIT_EXCEEDED", "Too many requests"));
                return true;
            case FaultKind.Http429OperationTimeLimit:
                var now = portal.State.Now;
                var error = RestException.OperationTimeLimit(now + fault.Duration);
                await AnswerAsync(http, method, fault, 429, RestOutcome.Failure(error, now, now).Body());
                return true;
            case FaultKind.Http500:
                await AnswerAsync(http, method, fault, 500, JsonAnswer.Error("INTERNAL_SERVER_ERROR", "Internal server error"));
                return true;
            case FaultKind.ErrorAnswer:
                await AnswerAsync(http, method, fault, fault.Status, JsonAnswer.Error(fault.Code ?? "UNKNOWN_ERROR", fault.Description ?? ""));
                return true;
            case FaultKind.DroppedConnection:
                Record(method, fault);
                http.Abort();
                return true;
            default:
                return false;
        }
    }

    /// <summary>After the call ran: delays or cuts the answer; false when nothing should be written any more.</summary>
    public async Task<bool> BeforeAnswerAsync(HttpContext http, string method, Fault fault)
    {
        if (fault.Kind == FaultKind.AcceptedThenDropped)
        {
            Record(method, fault);
            http.Abort();
            return false;
        }

        if (fault.Kind != FaultKind.SlowAnswer)
        {
            return true;
        }

        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, portal.Stopping);
        // The delay's timer exists before the fault is recorded, so a test that waits for the record and then moves
        // a fake clock on cannot move it too early.
        var delay = Task.Delay(fault.Duration, portal.State.Settings.TimeProvider, giveUp.Token);
        Record(method, fault);
        try
        {
            await delay;
            return true;
        }
        catch (OperationCanceledException)
        {
            // The client gave up (or the emulator is stopping): the call stays performed, the answer is never written.
            http.Abort();
            return false;
        }
    }

    private async Task AnswerAsync(HttpContext http, string method, Fault fault, int status, JsonObject body)
    {
        Record(method, fault);
        portal.CallLog.Add(new RecordedCall(method, status, body["error"]?.GetValue<string>(), portal.State.Now) { Injected = true });
        await JsonAnswer.WriteAsync(http, status, body);
    }

    private void Record(string method, Fault fault) => portal.FaultLog.Add(new InjectedFault(method, fault.Kind, portal.State.Now));
}
