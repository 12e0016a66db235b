namespace Khcn.BuildingBlocks.Security;

/// <summary>The roles of domain.md §3. A user holds any number of them, each bound to a unit.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string FederationLeader = "federation-leader";
    public const string PolicyLawBoard = "policy-law-board";
    public const string PropagandaBoard = "propaganda-board";
    public const string FinanceOfficer = "finance-officer";
    public const string FocalOfficial = "focal-official";
    public const string UnitOfficer = "unit-officer";
    public const string CouncilMember = "council-member";
    public const string Member = "member";
    public const string Partner = "partner";
    public const string Integrator = "integrator";

    public static readonly IReadOnlyList<string> All =
    [
        Admin, FederationLeader, PolicyLawBoard, PropagandaBoard, FinanceOfficer, FocalOfficial,
        UnitOfficer, CouncilMember, Member, Partner, Integrator,
    ];

    public static bool IsKnown(string role) => All.Contains(role);

    /// <summary>
    /// Roles scoped by an agency rather than a union subtree: their grant (bound to the unit that admitted the
    /// agency) reaches no union unit; the module that knows the agency decides what its staff see (ADR 0008).
    /// </summary>
    public static bool IsAgencyScoped(string role) => role == Partner;
}

/// <summary>
/// What an endpoint may demand. Each endpoint declares one; the role → permission table below is the only place
/// that says who holds it. A grant gives its permissions over its unit and every unit below it.
/// </summary>
public static class Permission
{
    /// <summary>The hierarchy itself (units, their history) and the policy register: public to everyone who works in a unit.</summary>
    public const string UnitsRead = "organization.units.read";
    /// <summary>
    /// A unit's records: officials and focal officials, enterprises and labour, plans, headcounts, annual reports and their
    /// synthesis, the plan dashboard. Officers, boards and leaders hold it; members and council members do not (issue 16:
    /// "a member sees their own records and the public ones only").
    /// </summary>
    public const string RecordsRead = "organization.records.read";
    public const string UnitsManage = "organization.units.manage";
    public const string OfficialsManage = "organization.officials.manage";
    public const string PoliciesManage = "organization.policies.manage";
    /// <summary>Enterprises and their yearly labour figures (the labour and labour-relations database).</summary>
    public const string LabourManage = "organization.labour.manage";
    /// <summary>A unit's own implementation plan; at the root, the provincial plan itself.</summary>
    public const string PlansManage = "organization.plans.manage";
    /// <summary>Fill in and submit the annual report of a unit.</summary>
    public const string ReportsSubmit = "organization.reports.submit";
    /// <summary>Return or accept the reports of the units below; see the synthesis.</summary>
    public const string ReportsReview = "organization.reports.review";
    /// <summary>Open reporting periods and define their templates of indicators.</summary>
    public const string ReportsManage = "organization.reports.manage";
    /// <summary>See the course catalogue and campaigns (a partner sees only its own agency's courses).</summary>
    public const string TrainingRead = "training.read";
    /// <summary>Create and run awareness campaigns (Propaganda – Female Affairs Board).</summary>
    public const string CampaignsManage = "training.campaigns.manage";
    /// <summary>Report a unit's campaign reach (events held, people reached).</summary>
    public const string ReachReport = "training.reach.report";
    /// <summary>The training coordinator: partner agencies, proposing, opening and cancelling courses, clash overrides.</summary>
    public const string CoursesManage = "training.courses.manage";
    /// <summary>Nominate the officials of the units in scope to a course (cử đi học), withdraw them.</summary>
    public const string Nominate = "training.nominate";
    /// <summary>Create and reschedule sessions: the coordinator, and a partner for its own agency's courses.</summary>
    public const string SessionsSchedule = "training.sessions.schedule";
    /// <summary>Enter attendance and assessment results: the coordinator, and a partner for its own courses.</summary>
    public const string AttendanceRecord = "training.attendance.record";
    /// <summary>A partner agency's own work: confirming its courses, its instructors.</summary>
    public const string PartnerWork = "training.partner.work";
    public const string ParticipationRead = "participation.read";
    /// <summary>Read every initiative of the units in scope (without it, a caller sees only the initiatives they filed or co-authored).</summary>
    public const string InitiativesRead = "participation.initiatives.read";
    /// <summary>File an application for recognition of an initiative (đơn yêu cầu công nhận sáng kiến) in a unit in scope.</summary>
    public const string InitiativesSubmit = "participation.initiatives.submit";
    /// <summary>Check the recognition conditions and decide: recognised (certificate number) or not recognised (reasons).</summary>
    public const string InitiativesRecognise = "participation.initiatives.recognise";
    /// <summary>Propose research topics of a unit in scope against a call, report their progress, ask for extensions, record their application.</summary>
    public const string TopicsPropose = "participation.topics.propose";
    /// <summary>Publish calls (đặt hàng), form the selection and acceptance councils, contract topics and decide extensions.</summary>
    public const string TopicsManage = "participation.topics.manage";
    // Emulation and commendation (#13) — kept together.
    /// <summary>Launch movements and their criteria, form clusters, review the scores of the units below, close a movement's year.</summary>
    public const string EmulationManage = "participation.emulation.manage";
    /// <summary>Register a unit for a movement's year and score it against the criteria with evidence.</summary>
    public const string EmulationRegister = "participation.emulation.register";
    /// <summary>Propose the officials and units in scope for a commendation form.</summary>
    public const string CommendationsPropose = "participation.commendations.propose";
    /// <summary>Decide commendations of the unit's level: override a failed eligibility check with a reason, number the decision.</summary>
    public const string CommendationsDecide = "participation.commendations.decide";
    // Finance & Funding (#14) — kept together.
    /// <summary>See the fiscal years, funding sources, budgets, allocations, ledger and reconciliation of the units in scope.</summary>
    public const string FinanceRead = "finance.read";
    /// <summary>A unit's finance officer: its fiscal years, funding sources, budgets, allocations; request, pay and settle tranches.</summary>
    public const string FinanceManage = "finance.manage";
    /// <summary>Approve the budgets of the units BELOW (held over the parent unit) and, four-eyes, the tranches others requested.</summary>
    public const string FinanceApprove = "finance.approve";
    public const string UsersManage = "platform.users.manage";
    public const string AuditRead = "platform.audit.read";

    private static readonly string[] ReadAllModules = [UnitsRead, RecordsRead, TrainingRead, ParticipationRead, FinanceRead];

    private static readonly IReadOnlyDictionary<string, string[]> ByRole = new Dictionary<string, string[]>
    {
        [Roles.Admin] = [.. ReadAllModules, InitiativesRead, InitiativesSubmit, InitiativesRecognise, TopicsPropose, TopicsManage, EmulationManage, EmulationRegister, CommendationsPropose, CommendationsDecide, UnitsManage, OfficialsManage, PoliciesManage, LabourManage, PlansManage, ReportsSubmit, ReportsReview, ReportsManage, UsersManage, AuditRead,
            CampaignsManage, ReachReport, CoursesManage, Nominate, SessionsSchedule, AttendanceRecord],
        [Roles.FederationLeader] = [.. ReadAllModules, InitiativesRead, AuditRead],
        [Roles.PolicyLawBoard] = [.. ReadAllModules, InitiativesRead, InitiativesSubmit, InitiativesRecognise, TopicsPropose, TopicsManage, EmulationManage, EmulationRegister, CommendationsPropose, CommendationsDecide, OfficialsManage, PoliciesManage, LabourManage, PlansManage, ReportsSubmit, ReportsReview, ReportsManage],
        [Roles.PropagandaBoard] = [UnitsRead, RecordsRead, TrainingRead, CampaignsManage, ReachReport, CoursesManage, Nominate, SessionsSchedule, AttendanceRecord],
        [Roles.FinanceOfficer] = [UnitsRead, RecordsRead, FinanceRead, FinanceManage, FinanceApprove],
        [Roles.FocalOfficial] = [UnitsRead, RecordsRead, OfficialsManage, LabourManage, PlansManage, ReportsSubmit, ReportsReview, TrainingRead, ParticipationRead, InitiativesRead, InitiativesSubmit, InitiativesRecognise, TopicsPropose, EmulationManage, EmulationRegister, CommendationsPropose, CommendationsDecide, ReachReport, Nominate],
        [Roles.UnitOfficer] = [UnitsRead, RecordsRead, OfficialsManage, LabourManage, PlansManage, ReportsSubmit, ReportsReview, TrainingRead, ParticipationRead, InitiativesRead, InitiativesSubmit, InitiativesRecognise, TopicsPropose, EmulationManage, EmulationRegister, CommendationsPropose, CommendationsDecide, ReachReport, Nominate],
        [Roles.CouncilMember] = [UnitsRead, ParticipationRead],
        [Roles.Member] = [UnitsRead, TrainingRead, ParticipationRead, InitiativesSubmit],
        [Roles.Partner] = [TrainingRead, SessionsSchedule, AttendanceRecord, PartnerWork],
        [Roles.Integrator] = [.. ReadAllModules, InitiativesRead],
    };

    private static readonly HashSet<string> Known = ByRole.Values.SelectMany(p => p).ToHashSet();

    public static bool IsKnown(string permission) => Known.Contains(permission);

    public static IReadOnlyCollection<string> Of(string role) => ByRole.TryGetValue(role, out var p) ? p : [];

    public static bool RoleHas(string role, string permission) => Of(role).Contains(permission);
}
