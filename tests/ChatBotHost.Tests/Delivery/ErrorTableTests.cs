using System.Net;
using System.Reflection;
using ChatBotHost.Bitrix.Client;

namespace ChatBotHost.Tests.Delivery;

/// <summary>The one error table: every code the host knows has one behaviour, and unknown codes fall back by status.</summary>
public sealed class ErrorTableTests
{
    public static TheoryData<int, string, BitrixErrorBehaviour> Codes => new()
    {
        { 500, BitrixErrors.InternalServerError, BitrixErrorBehaviour.RetryWithBackoff },
        { 500, BitrixErrors.UnexpectedAnswer, BitrixErrorBehaviour.RetryWithBackoff },
        { 0, BitrixErrors.Transport, BitrixErrorBehaviour.RetryWithBackoff },
        { 503, BitrixErrors.QueryLimitExceeded, BitrixErrorBehaviour.WaitForBucket },
        { 429, BitrixErrors.OperationTimeLimit, BitrixErrorBehaviour.WaitForBucket },
        { 405, BitrixErrors.BatchMethodNotAllowed, BitrixErrorBehaviour.SendAlone },
        { 400, BitrixErrors.BatchLengthExceeded, BitrixErrorBehaviour.SendAlone },
        { 401, BitrixErrors.ExpiredToken, BitrixErrorBehaviour.RefreshTokenOnce },
        { 401, BitrixErrors.InvalidToken, BitrixErrorBehaviour.RefreshTokenOnce },
        { 400, BitrixErrors.BotNotFound, BitrixErrorBehaviour.ReRegisterBot },
        { 401, BitrixErrors.MethodConfirmWaiting, BitrixErrorBehaviour.ParkForAdministrator },
        { 503, BitrixErrors.OverloadLimit, BitrixErrorBehaviour.SuspendPortal },
        { 500, BitrixErrors.PortalDeleted, BitrixErrorBehaviour.SuspendPortal },
        { 401, BitrixErrors.NoAuthFound, BitrixErrorBehaviour.FailToCaller },
        { 400, BitrixErrors.InvalidRequest, BitrixErrorBehaviour.FailToCaller },
        { 403, BitrixErrors.AccessDenied, BitrixErrorBehaviour.FailToCaller },
        { 403, BitrixErrors.InvalidCredentials, BitrixErrorBehaviour.FailToCaller },
        { 404, BitrixErrors.ManifestNotAvailable, BitrixErrorBehaviour.FailToCaller },
        { 403, BitrixErrors.InsufficientScope, BitrixErrorBehaviour.FailToCaller },
        { 403, BitrixErrors.UserAccessError, BitrixErrorBehaviour.FailToCaller },
        { 403, BitrixErrors.MethodConfirmDenied, BitrixErrorBehaviour.FailToCaller },
        { 403, BitrixErrors.BotOwnershipError, BitrixErrorBehaviour.FailToCaller },
        { 400, BitrixErrors.BotTokenNotSpecified, BitrixErrorBehaviour.FailToCaller },
        { 404, BitrixErrors.MethodNotFound, BitrixErrorBehaviour.FailToCaller },
    };

    [Theory]
    [MemberData(nameof(Codes))]
    public void Of_KnownCode_HasItsOneBehaviour(int status, string code, BitrixErrorBehaviour behaviour)
    {
        Assert.Equal(behaviour, BitrixErrorTable.Of(code, (HttpStatusCode)status));
    }

    [Fact]
    public void Table_NamesEveryCodeOfBitrixErrors()
    {
        var named = typeof(BitrixErrors).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!);

        Assert.Empty(named.Except(BitrixErrorTable.KnownCodes));
    }

    [Theory]
    [InlineData(502, BitrixErrorBehaviour.RetryWithBackoff)]
    [InlineData(500, BitrixErrorBehaviour.RetryWithBackoff)]
    [InlineData(429, BitrixErrorBehaviour.WaitForBucket)]
    [InlineData(400, BitrixErrorBehaviour.FailToCaller)]
    [InlineData(200, BitrixErrorBehaviour.FailToCaller)]
    public void Of_UnknownCode_FallsBackByStatus(int status, BitrixErrorBehaviour behaviour)
    {
        Assert.Equal(behaviour, BitrixErrorTable.Of("SOMETHING_NEW", (HttpStatusCode)status));
    }

    [Fact]
    public void Of_ExceptionThatIsNotThePortals_IsTheCallers()
    {
        Assert.Equal(BitrixErrorBehaviour.FailToCaller, BitrixErrorTable.Of(new InvalidOperationException("bug")));
    }
}
