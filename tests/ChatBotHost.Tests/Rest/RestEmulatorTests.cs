using System.Text.Json.Nodes;
using ChatBotHost.Abstractions.Rest;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Emulator;
using ChatBotHost.Emulator.Faults;
using ChatBotHost.State;

namespace ChatBotHost.Tests.Rest;

/// <summary>
/// The author's REST API against the emulator with methods it answers today (imbot.v2.*). Once the emulator answers
/// crm.lead.* and $result references inside one batch, RestCallTests and RestBatchTests should run against it too.
/// </summary>
public sealed class RestEmulatorTests
{
    [Fact]
    public async Task CallAsync_ImbotMethodByName_IsAuthorizedAsTheBotAndDone()
    {
        await using var emulated = await EmulatedRest.StartAsync();
        var (emulator, bed) = (emulated.Emulator, emulated.Bed);
        var sent = await bed.Rest().CallAsync("imbot.v2.Chat.Message.send", new { dialogId = "1", fields = new { message = "by name" } }, CancellationToken.None);

        var message = Assert.Single(emulator.Portal.GetMessages(null), m => m.Text == "by name");
        Assert.Equal((int)sent!["id"]!, message.Id);
    }

    [Fact]
    public async Task BatchAsync_ReferenceAcrossRequests_IsFilledInAndTheEmulatorRunsIt()
    {
        await using var emulated = await EmulatedRest.StartAsync();
        var (emulator, bed) = (emulated.Emulator, emulated.Bed);
        var batch = new RestBatch()
            .Add("first", "imbot.v2.Chat.Message.send", new { dialogId = "1", fields = new { message = "one" } })
            .Add("second", "imbot.v2.Chat.Message.send", new { dialogId = "1", fields = new { message = "two" } })
            .Add("edit", "imbot.v2.Chat.Message.update", new { messageId = RestBatch.Result("first", "id"), fields = new { message = "one, edited" } });

        var result = await bed.Rest(maxPerRequest: 2).BatchAsync(batch, CancellationToken.None);

        Assert.True(result.AllSucceeded, string.Join(", ", result.Commands.Select(c => c.Error?.Error)));
        Assert.Contains(emulator.Portal.GetMessages(null), m => m.Text == "one, edited");
    }

    [Fact]
    public async Task BatchAsync_EmulatorAnswersBatchLengthExceeded_HalvesAndSucceeds()
    {
        await using var emulated = await EmulatedRest.StartAsync();
        var (emulator, bed) = (emulated.Emulator, emulated.Bed);
        emulator.Portal.Faults.FailNext(1, Fault.Error(400, BitrixErrors.BatchLengthExceeded), "batch");

        var result = await bed.Rest().BatchAsync(Messages(4), CancellationToken.None);

        Assert.True(result.AllSucceeded);
        Assert.Equal(4, emulator.Portal.GetMessages(null).Count(m => m.Text.StartsWith('m')));
    }

    [Fact]
    public async Task BatchAsync_EmulatorRefusesTheBatchAsAMethodNotAllowed_SendsEachCommandAlone()
    {
        await using var emulated = await EmulatedRest.StartAsync();
        var (emulator, bed) = (emulated.Emulator, emulated.Bed);
        emulator.Portal.Faults.FailNext(1, Fault.Error(405, BitrixErrors.BatchMethodNotAllowed), "batch");

        var result = await bed.Rest().BatchAsync(Messages(3), CancellationToken.None);

        Assert.True(result.AllSucceeded);
        Assert.Equal(3, emulator.Portal.Calls.Count(c => c.Method == "imbot.v2.Chat.Message.send"));
    }

    [Fact]
    public async Task CallAsync_MethodWaitingForTheAdministrator_ThrowsItsOwnTypeAndDeniedToo()
    {
        await using var emulated = await EmulatedRest.StartAsync();
        var (emulator, bed) = (emulated.Emulator, emulated.Bed);
        emulator.Portal.Faults.FailNext(1, Fault.Error(401, BitrixErrors.MethodConfirmWaiting), "imbot.v2.Chat.Message.send");
        emulator.Portal.Faults.FailNext(1, Fault.Error(403, BitrixErrors.MethodConfirmDenied), "imbot.v2.Chat.Message.send");
        var send = new JsonObject { ["dialogId"] = "1", ["fields"] = new JsonObject { ["message"] = "x" } };

        await Assert.ThrowsAsync<MethodConfirmWaitingException>(() => bed.Rest("evt:1").CallAsync("imbot.v2.Chat.Message.send", send, CancellationToken.None));
        await Assert.ThrowsAsync<MethodConfirmDeniedException>(() => bed.Rest("evt:2").CallAsync("imbot.v2.Chat.Message.send", send, CancellationToken.None));
    }

    private sealed class EmulatedRest(BitrixEmulator emulator, RestBed bed) : IAsyncDisposable
    {
        public BitrixEmulator Emulator => emulator;

        public RestBed Bed => bed;

        public static async Task<EmulatedRest> StartAsync()
        {
            var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
            var bed = new RestBed(new SocketsHttpHandler(), emulator.WebhookUrl);
            // Bot.register by name, as an author could: the credentials add the botToken (top level and in fields).
            var registered = await bed.Rest().CallAsync(
                "imbot.v2.Bot.register", new { fields = new { code = "crm", properties = new { name = "CRM" } } }, CancellationToken.None);
            bed.Bot.Use(new BotRegistration { BotId = (int)registered!["bot"]!["id"]!, WebhookSecret = "s" });
            return new EmulatedRest(emulator, bed);
        }

        public async ValueTask DisposeAsync()
        {
            await bed.DisposeAsync();
            await emulator.DisposeAsync();
        }
    }

    private static RestBatch Messages(int count)
    {
        var batch = new RestBatch();
        for (var i = 0; i < count; i++)
        {
            batch.Add($"m{i}", "imbot.v2.Chat.Message.send", new { dialogId = "1", fields = new { message = $"m{i}" } });
        }

        return batch;
    }
}
