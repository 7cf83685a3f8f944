using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ChatBotHost.OAuth;
using ChatBotHost.State;
using ChatBotHost.State.Redis;
using ChatBotHost.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatBotHost.Tests.State;

/// <summary>Issue 12: OAuth tokens are encrypted at rest with Data Protection, its key ring shared through Redis.</summary>
[Collection(RedisCollection.Name)]
public sealed class TokenEncryptionTests(RedisFixture redis) : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
    private static readonly OAuthTokens Pair = new("access-token-text-0123456789", "refresh-token-text-0123456789", Now.AddHours(1), Now);
    private readonly string _prefix = "enc-" + Guid.NewGuid().ToString("N");
    private readonly string _memberId = Guid.NewGuid().ToString("N");
    private readonly List<ServiceProvider> _replicas = [];
    private readonly string _certificateFile = Path.Combine(Path.GetTempPath(), $"cbh-{Guid.NewGuid():N}.pfx");

    [Fact]
    public async Task SaveAsync_RedisHoldsNoTokenText()
    {
        var store = Replica().GetRequiredService<ITokenStore>();

        await store.SaveAsync(_memberId, Pair, CancellationToken.None);
        await store.OfferAccessTokenAsync(_memberId, "offered-token-text-0123456789", Now.AddHours(2), CancellationToken.None);

        var raw = await RawAsync();
        Assert.All(raw.Values, value => Assert.DoesNotContain("token-text", value, StringComparison.Ordinal));
        Assert.StartsWith(TokenProtection.Marker, raw["a"], StringComparison.Ordinal);
        Assert.StartsWith(TokenProtection.Marker, raw["r"], StringComparison.Ordinal);
        Assert.Equal("offered-token-text-0123456789", (await store.GetAsync(_memberId, CancellationToken.None))!.AccessToken);
    }

    [Fact]
    public async Task TwoReplicasOnOneRedis_EachDecryptsWhatTheOtherSaved()
    {
        var first = Replica().GetRequiredService<ITokenStore>();
        await first.SaveAsync(_memberId, Pair, CancellationToken.None);
        var second = Replica().GetRequiredService<ITokenStore>();

        Assert.Equal(Pair, await second.GetAsync(_memberId, CancellationToken.None));
        var refreshed = Pair with { AccessToken = "access-2", RefreshToken = "refresh-2" };
        await second.SaveAsync(_memberId, refreshed, CancellationToken.None);
        Assert.Equal(refreshed, await first.GetAsync(_memberId, CancellationToken.None));
        Assert.True(await (await DatabaseAsync()).KeyExistsAsync(new RedisKeys(_prefix).DataProtectionKeys));
    }

    [Fact]
    public async Task GetAsync_PlainRecordFromBeforeEncryption_ReadOnce_ThenStoredEncrypted()
    {
        await (await DatabaseAsync()).HashSetAsync(new RedisKeys(_prefix).Tokens(_memberId),
        [
            new HashEntry("a", Pair.AccessToken), new HashEntry("r", Pair.RefreshToken),
            new HashEntry("e", Pair.ExpiresAt.ToUnixTimeMilliseconds()), new HashEntry("t", Pair.RefreshedAt.ToUnixTimeMilliseconds()),
        ]);
        var store = Replica().GetRequiredService<ITokenStore>();

        Assert.Equal(Pair, await store.GetAsync(_memberId, CancellationToken.None));

        var raw = await RawAsync();
        Assert.All(raw.Values, value => Assert.DoesNotContain("token-text", value, StringComparison.Ordinal));
        Assert.Equal(Pair, await store.GetAsync(_memberId, CancellationToken.None));
    }

    [Fact]
    public async Task KeyRingProtectedWithCertificate_KeyRingInRedisIsEncrypted_AndReplicasStillShareIt()
    {
        WriteCertificate("secret-password");
        var configuration = Settings(_certificateFile, "secret-password");
        var first = Replica(configuration).GetRequiredService<ITokenStore>();
        await first.SaveAsync(_memberId, Pair, CancellationToken.None);

        Assert.Equal(Pair, await Replica(configuration).GetRequiredService<ITokenStore>().GetAsync(_memberId, CancellationToken.None));
        var ring = await (await DatabaseAsync()).ListRangeAsync(new RedisKeys(_prefix).DataProtectionKeys);
        var key = Assert.Single(ring).ToString();
        Assert.Contains("EncryptedData", key, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", key, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyRingCertificate_WrongPassword_RefusedAtStartNamingTheSetting()
    {
        WriteCertificate("secret-password");

        var refused = Assert.Throws<OptionsValidationException>(() => new ServiceCollection().AddKeyRingProtection(Settings(_certificateFile, "wrong")));
        var missing = Assert.Throws<OptionsValidationException>(() => new ServiceCollection().AddKeyRingProtection(Settings(_certificateFile + ".none", null)));

        Assert.Contains(KeyRingProtection.CertificatePathSetting, Assert.Single(refused.Failures), StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", Assert.Single(refused.Failures), StringComparison.Ordinal);
        Assert.Contains(KeyRingProtection.CertificatePathSetting, Assert.Single(missing.Failures), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (var replica in _replicas)
        {
            replica.Dispose();
        }

        File.Delete(_certificateFile);
    }

    [Fact]
    public async Task KeyRing_ReadAtFirstUse_NotByAHostedServiceAtStart()
    {
        var services = new ServiceCollection().AddLogging().AddStateStores(redis.Server.ConfigurationString, _prefix);
        Assert.Contains(services, d => d.ImplementationType?.Name == "DataProtectionHostedService");

        services.LoadKeyRingOnFirstUse();
        var provider = services.BuildServiceProvider();
        _replicas.Add(provider);

        Assert.DoesNotContain(services, d => d.ImplementationType?.Name == "DataProtectionHostedService");
        foreach (var hosted in provider.GetServices<Microsoft.Extensions.Hosting.IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        var keyRing = new RedisKeys(_prefix).DataProtectionKeys;
        Assert.False(await (await DatabaseAsync()).KeyExistsAsync(keyRing));
        await provider.GetRequiredService<ITokenStore>().SaveAsync(_memberId, Pair, CancellationToken.None);
        Assert.True(await (await DatabaseAsync()).KeyExistsAsync(keyRing));
        Assert.Equal(Pair, await Replica().GetRequiredService<ITokenStore>().GetAsync(_memberId, CancellationToken.None));
    }

    // One service provider is one replica's view: its own connection, its own Data Protection key ring cache.
    private ServiceProvider Replica(IConfiguration? configuration = null)
    {
        var services = new ServiceCollection().AddLogging().AddStateStores(redis.Server.ConfigurationString, _prefix);
        if (configuration is not null)
        {
            services.AddKeyRingProtection(configuration);
        }

        var provider = services.BuildServiceProvider();
        _replicas.Add(provider);
        return provider;
    }

    private Task<IDatabase> DatabaseAsync() =>
        (_replicas.FirstOrDefault() ?? Replica()).GetRequiredService<RedisConnection>().GetDatabaseAsync(CancellationToken.None);

    private async Task<Dictionary<string, string>> RawAsync() =>
        (await (await DatabaseAsync()).HashGetAllAsync(new RedisKeys(_prefix).Tokens(_memberId))).ToDictionary(e => e.Name.ToString(), e => e.Value.ToString());

    private static IConfiguration Settings(string path, string? password) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            [KeyRingProtection.CertificatePathSetting] = path,
            [KeyRingProtection.CertificatePasswordSetting] = password,
        })
        .Build();

    private void WriteCertificate(string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=ChatBotHost key ring test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(_certificateFile, certificate.Export(X509ContentType.Pfx, password));
    }
}
