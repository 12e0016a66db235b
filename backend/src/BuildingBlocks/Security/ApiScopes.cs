namespace Khcn.BuildingBlocks.Security;

/// <summary>
/// The OAuth 2.0 scopes an integrator client may be granted, and the permissions each one opens. A client acts with
/// its role over its unit, narrowed to the permissions of its scopes (<see cref="AccessContext.RestrictToClient"/>);
/// this table is the only place that says which endpoint a scope reaches (through the permission the endpoint declares).
/// </summary>
public static class ApiScopes
{
    public const string OrganizationRead = "organization.read";
    public const string TrainingRead = "training.read";
    public const string TrainingSessionsWrite = "training.sessions.write";
    public const string TrainingAttendanceWrite = "training.attendance.write";
    public const string ParticipationRead = "participation.read";
    public const string FinanceRead = "finance.read";

    public sealed record Scope(string Name, string Description, string[] Permissions);

    public static readonly IReadOnlyList<Scope> All =
    [
        new(OrganizationRead, "Read the union hierarchy, officials, plans, policies and reports in the client's unit subtree.", [Permission.UnitsRead, Permission.RecordsRead]),
        new(TrainingRead, "Read campaigns, partner agencies, courses and sessions.", [Permission.TrainingRead]),
        new(TrainingSessionsWrite, "Schedule, reschedule and cancel course sessions.", [Permission.SessionsSchedule]),
        new(TrainingAttendanceWrite, "Record attendance and assessment results.", [Permission.AttendanceRecord]),
        new(ParticipationRead, "Read workers' initiatives and evaluation councils.", [Permission.ParticipationRead, Permission.InitiativesRead]),
        new(FinanceRead, "Read budgets, allocations, the ledger and reconciliation.", [Permission.FinanceRead]),
    ];

    private static readonly Dictionary<string, Scope> ByName = All.ToDictionary(s => s.Name);

    public static bool IsKnown(string scope) => ByName.ContainsKey(scope);

    public static IReadOnlySet<string> PermissionsOf(IEnumerable<string> scopes) =>
        scopes.Where(ByName.ContainsKey).SelectMany(s => ByName[s].Permissions).ToHashSet();

    /// <summary>The scope opening <paramref name="permission"/>, when a client may hold it at all (for the API document).</summary>
    public static string? ScopeOf(string permission) => All.FirstOrDefault(s => s.Permissions.Contains(permission))?.Name;
}
