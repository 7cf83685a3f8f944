namespace ChatBotHost.Delivery;

/// <summary>How <see cref="PortalSuspensions"/> let a request through: as usual, or as the probe of a suspended portal.</summary>
internal enum PortalPassage
{
    Open,
    Probe,
}
