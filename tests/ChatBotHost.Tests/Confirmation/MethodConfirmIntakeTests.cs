using System.Text;
using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Events;
using ChatBotHost.Bitrix.Wire;
using ChatBotHost.Configuration;
using ChatBotHost.Confirmation;
using ChatBotHost.Hosting;
using ChatBotHost.Inbox;
using ChatBotHost.Intake.Http;
using ChatBotHost.OAuth;
using ChatBotHost.State;
using ChatBotHost.Tests.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatBotHost.Tests.Confirmation;

public sealed class MethodConfirmIntakeTests : IAsyncDisposable
{
    private const string MemberId = "m42";
    private const string ApplicationToken = "app-token-secret";
    private const string AccessToken = "access-token-that-asked";
    private static readonly string Portal = OAuthPortal.KeyOf(MemberId);

    private readonly FakeTimeProvider _clock = new();
    private readonly ServiceProvider _services;

    public MethodConfirmIntakeTests()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddStateStores(redisConfiguration: null);
        services.AddSingleton(Options.Create(new ChatBotHostOptions { OAuth = { ClientId = "app.1", ClientSecret = "s" } }));
        services.AddInboxWriter();
        services.AddMethodConfirmIntake();
        _services = services.BuildServiceProvider();
    }

    private IMethodConfirmWaits Waits => _services.GetRequiredService<IMethodConfirmWaits>();

    private IInboxStore Inbox => _services.GetRequiredService<IInboxStore>();

    [Fact]
    public async Task Receive_VerifiedDecision_EachWaitingDialogGetsItThroughItsInboxOnce()
    {
        await InstallAsync();
        await Waits.RecordAsync(Portal, "tasks.task.add", new MethodConfirmWait("helpdesk", "1", "de"), CancellationToken.None);
        await Waits.RecordAsync(Portal, "tasks.task.add", new MethodConfirmWait("helpdesk", "chat9"), CancellationToken.None);

        Assert.Equal(200, await PostAsync(Form()));

        var items = await ClaimAllAsync();
        Assert.Equal(["1", "chat9"], items.Select(i => i.DialogId).Order(StringComparer.Ordinal));
        Assert.All(items, item =>
        {
            Assert.Equal(InboxItem.Sources.Confirmation, item.Source);
            Assert.Equal("helpdesk", item.BotCode);
            Assert.DoesNotContain(AccessToken, item.Payload, StringComparison.Ordinal);
            Assert.DoesNotContain(ApplicationToken, item.Payload, StringComparison.Ordinal);
        });
        var decision = Assert.IsType<MethodConfirmDecided>(InboxEventReader.Read(items.Single(i => i.DialogId == "1"), Bot()));
        Assert.Equal(("tasks.task.add", true, "1", "de", Portal), (decision.Method, decision.Allowed, decision.DialogId, decision.Language, decision.Portal));
        Assert.Empty(await Waits.ListAsync(Portal, "tasks.task.add", CancellationToken.None));

        // The waits are gone: the same decision posted again hands nothing out twice.
        Assert.Equal(200, await PostAsync(Form()));
        Assert.Empty(await ClaimAllAsync());
    }

    [Fact]
    public async Task Receive_Denied_DecisionSaysNotAllowed()
    {
        await InstallAsync();
        await Waits.RecordAsync(Portal, "tasks.task.add", new MethodConfirmWait("helpdesk", "1"), CancellationToken.None);

        Assert.Equal(200, await PostAsync(Form(confirmed: "0")));

        var decision = (MethodConfirmDecided)InboxEventReader.Read(Assert.Single(await ClaimAllAsync()), Bot());
        Assert.False(decision.Allowed);
    }

    [Fact]
    public async Task Receive_NobodyWaits_AnswersOkAndStoresNothing()
    {
        await InstallAsync();

        Assert.Equal(200, await PostAsync(Form()));

        Assert.Empty(await ClaimAllAsync());
    }

    [Theory]
    [InlineData("wrong-token", MemberId)]
    [InlineData(ApplicationToken, "unknown-member")]
    public async Task Receive_WrongApplicationTokenOrUnknownPortal_Answers403AndHandsNothingOut(string token, string memberId)
    {
        await InstallAsync();
        await Waits.RecordAsync(Portal, "tasks.task.add", new MethodConfirmWait("helpdesk", "1"), CancellationToken.None);

        Assert.Equal(403, await PostAsync(Form(applicationToken: token, memberId: memberId)));

        Assert.Empty(await ClaimAllAsync());
        Assert.Single(await Waits.ListAsync(Portal, "tasks.task.add", CancellationToken.None));
    }

    [Theory]
    [InlineData("event", "ONAPPUNINSTALL")]
    [InlineData("confirmed", "2")]
    [InlineData("confirmed", "")]
    [InlineData("method", "")]
    [InlineData("method", "tasks task add")]
    [InlineData("memberId", "")]
    [InlineData("applicationToken", "")]
    public async Task Receive_FormNotAMethodDecision_Answers400WithTheReason(string field, string value)
    {
        await InstallAsync();
        var form = field switch
        {
            "event" => Form(eventName: value),
            "confirmed" => Form(confirmed: value),
            "method" => Form(method: value),
            "memberId" => Form(memberId: value),
            _ => Form(applicationToken: value),
        };

        var result = await ReceiveAsync(PhpForm.Encode(form));

        var problem = Assert.IsType<ProblemHttpResult>(result);
        Assert.Equal(400, problem.StatusCode);
        Assert.False(string.IsNullOrEmpty(problem.ProblemDetails.Detail));
    }

    [Fact]
    public async Task Receive_BodyOverTheInstallCap_IsRejectedBeforeItIsRead()
    {
        await InstallAsync();
        var body = PhpForm.Encode(Form()) + "&pad=" + new string('x', (int)BodyLimits.InstallBytes);

        var error = await Assert.ThrowsAsync<BodyRejectedException>(() => ReceiveAsync(body));

        Assert.Equal(413, error.StatusCode);
    }

    [Fact]
    public async Task Receive_OAuthNotConfigured_Answers404()
    {
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddStateStores(redisConfiguration: null)
            .AddSingleton(Options.Create(new ChatBotHostOptions()))
            .AddInboxWriter()
            .AddMethodConfirmIntake()
            .BuildServiceProvider();

        var result = await services.GetRequiredService<MethodConfirmIntake>().ReceiveAsync(Request(PhpForm.Encode(Form())));

        Assert.Equal(404, Assert.IsAssignableFrom<IStatusCodeHttpResult>(result).StatusCode);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private static JsonObject Form(
        string eventName = "ONAPPMETHODCONFIRM", string method = "tasks.task.add", string confirmed = "1",
        string memberId = MemberId, string applicationToken = ApplicationToken) => new()
    {
        ["event"] = eventName,
        ["data"] = new JsonObject { ["TOKEN"] = AccessToken, ["METHOD"] = method, ["CONFIRMED"] = confirmed, ["LANGUAGE_ID"] = "en" },
        ["ts"] = "1478790852",
        ["auth"] = new JsonObject
        {
            ["domain"] = "portal.bitrix24.test",
            ["member_id"] = memberId,
            ["application_token"] = applicationToken,
        },
    };

    private static HostedBot Bot() => PipelineHarness.Bot(_ => { }, "helpdesk");

    private static DefaultHttpContext Request(string body)
    {
        var http = new DefaultHttpContext();
        var bytes = Encoding.UTF8.GetBytes(body);
        http.Request.Method = "POST";
        http.Request.ContentType = "application/x-www-form-urlencoded";
        http.Request.ContentLength = bytes.Length;
        http.Request.Body = new MemoryStream(bytes);
        return http;
    }

    private Task InstallAsync() => _services.GetRequiredService<IPortalStore>().SaveAsync(
        new PortalRecord { MemberId = MemberId, Domain = "portal.bitrix24.test", ClientEndpoint = "https://portal.bitrix24.test/rest/", ApplicationToken = ApplicationToken },
        CancellationToken.None);

    private Task<IResult> ReceiveAsync(string body) => _services.GetRequiredService<MethodConfirmIntake>().ReceiveAsync(Request(body));

    private async Task<int?> PostAsync(JsonObject form) =>
        Assert.IsAssignableFrom<IStatusCodeHttpResult>(await ReceiveAsync(PhpForm.Encode(form))).StatusCode;

    private async Task<IReadOnlyList<InboxItem>> ClaimAllAsync()
    {
        var claims = await Inbox.ClaimAsync(Portal, _clock.GetUtcNow() + TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), 100, CancellationToken.None);
        foreach (var claim in claims)
        {
            await Inbox.AckAsync(claim, CancellationToken.None);
        }

        return claims.Select(c => c.Item).ToArray();
    }
}
