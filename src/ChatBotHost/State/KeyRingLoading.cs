namespace ChatBotHost.State;

/// <summary>When Data Protection reads its key ring: at first use, not at start-up.</summary>
internal static class KeyRingLoading
{
    private const string EagerLoader = "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService";

    /// <summary>
    /// Data Protection reads (or creates) its key ring in a hosted service at start-up. Only OAuth tokens use it, and a
    /// host serving a webhook portal never stores any, so the ring is read when the first token is encrypted or
    /// decrypted instead; such a host then never loads the XML and key-management stack. Called once every service is
    /// registered, since each AddDataProtection() call adds the hosted service again.
    /// </summary>
    public static IServiceCollection LoadKeyRingOnFirstUse(this IServiceCollection services)
    {
        foreach (var eager in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.FullName == EagerLoader).ToList())
        {
            services.Remove(eager);
        }

        return services;
    }
}
