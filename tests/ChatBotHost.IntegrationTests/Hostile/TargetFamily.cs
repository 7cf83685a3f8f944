namespace ChatBotHost.IntegrationTests.Hostile;

/// <summary>What an endpoint does with a body, which decides what a hostile body may get back.</summary>
internal enum TargetFamily
{
    /// <summary>A webhook URL with the right secret: the body is read, routed and checked.</summary>
    Webhook,

    /// <summary>A webhook URL with a wrong secret or an unknown bot: nothing may get past the door.</summary>
    WebhookRejected,

    /// <summary>POST /bitrix/install.</summary>
    Install,

    /// <summary>POST /bitrix/uninstall.</summary>
    Uninstall,

    /// <summary>POST /bitrix/method-confirm (ONAPPMETHODCONFIRM): without the installation's application_token nothing gets past the door.</summary>
    MethodConfirm,

    /// <summary>An emulator chat API route that reads a JSON body.</summary>
    Chat,

    /// <summary>An emulator chat API route that reads no body (open a dialog).</summary>
    ChatBodiless,

    /// <summary>GET /health/live, /health/ready, /metrics.</summary>
    Operations,
}
