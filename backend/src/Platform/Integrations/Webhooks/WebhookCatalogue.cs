using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;

namespace Khcn.Platform.Integrations.Webhooks;

/// <summary>
/// An event a client may subscribe to: the API scope (and, through it, the permission) a client needs to receive
/// it. A client receives an event only when it holds that scope, its role holds the permission, its role is not
/// agency-scoped (a partner agency's system sees only its agency's courses, which these events do not say) and the
/// record's unit lies in the client's unit subtree: what the client could read through the API, never more.
/// </summary>
public sealed record WebhookEventType(string Name, string Scope, string Permission, string Description, string DescriptionVi);

public static class WebhookCatalogue
{
    public const string Test = "webhook.test";
    public const string UnitCreated = "unit.created";
    public const string TrainingCompleted = "training.completed";
    public const string CertificateIssued = "certificate.issued";
    public const string CertificateRevoked = "certificate.revoked";
    public const string InitiativeRecognised = "initiative.recognised";
    public const string CommendationDecided = "commendation.decided";
    public const string TopicContracted = "topic.contracted";

    public static readonly IReadOnlyList<WebhookEventType> All =
    [
        new(UnitCreated, ApiScopes.OrganizationRead, Permission.UnitsRead, "A trade-union unit was created.", "Một công đoàn/đơn vị được thành lập."),
        new(TrainingCompleted, ApiScopes.TrainingRead, Permission.TrainingRead, "An official completed a training course.", "Một cán bộ hoàn thành khoá tập huấn."),
        new(CertificateIssued, ApiScopes.TrainingRead, Permission.TrainingRead, "A training certificate was issued.", "Chứng nhận tập huấn được cấp."),
        new(CertificateRevoked, ApiScopes.TrainingRead, Permission.TrainingRead, "A training certificate was revoked.", "Chứng nhận tập huấn bị thu hồi."),
        new(InitiativeRecognised, ApiScopes.ParticipationRead, Permission.InitiativesRead, "A workers' initiative was recognised.", "Sáng kiến của người lao động được công nhận."),
        new(CommendationDecided, ApiScopes.ParticipationRead, Permission.ParticipationRead, "A commendation proposal was decided (approved) by the unit above.",
            "Đề nghị khen thưởng được cấp trên ra quyết định khen thưởng."),
        new(TopicContracted, ApiScopes.ParticipationRead, Permission.ParticipationRead, "A research topic was contracted by the ordering unit.",
            "Đề tài nghiên cứu được ký hợp đồng thực hiện."),
    ];

    private static readonly Dictionary<string, WebhookEventType> ByName = All.ToDictionary(e => e.Name);

    public static bool IsKnown(string name) => ByName.ContainsKey(name);

    /// <summary>Whether a client with this role and these scopes may receive events of this type at all.</summary>
    public static bool Allows(string eventType, string role, IEnumerable<string> scopes) =>
        ByName.TryGetValue(eventType, out var e) && scopes.Contains(e.Scope) && Permission.RoleHas(role, e.Permission) && !Roles.IsAgencyScoped(role);

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    /// <summary>The body of a delivery: the Standard Webhooks envelope <c>{type, timestamp, data}</c>.</summary>
    public static string Payload(string type, DateTime occurredAtUtc, object data) =>
        System.Text.Json.JsonSerializer.Serialize(new { type, timestamp = DateTime.SpecifyKind(occurredAtUtc, DateTimeKind.Utc), data }, Json);

    public static string Describe(WebhookEventType e) => Localized.Text(e.Description, e.DescriptionVi);
}
