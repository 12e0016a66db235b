using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Contracts;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Access;

/// <summary>
/// Who may see and work on a course (ADR 0008). Union users holding <see cref="Permission.TrainingRead"/> see the
/// whole catalogue and act on a course through their grants over its requesting unit. A partner agency's staff
/// (role <c>partner</c>, linked by <see cref="PartnerMember"/>) see only their own agency's courses — any other
/// course answers 404 — and act on them with the permissions of their role. The one place these rules live:
/// every Training handler that reads or changes a course goes through it.
/// </summary>
internal sealed class TrainingAccess(TrainingDbContext db)
{
    private bool _loaded;
    private Guid? _partnerId;

    public AccessContext Access => db.Access;

    /// <summary>True when the caller reaches Training only as a partner agency's staff.</summary>
    public bool IsPartnerOnly =>
        !Access.IsSystem && Access.Grants.Count > 0 && Access.Grants.All(g => Roles.IsAgencyScoped(g.Role));

    /// <summary>The agency the caller works for, when they are partner staff.</summary>
    public async Task<Guid?> MyPartnerIdAsync(CancellationToken ct)
    {
        if (_loaded) return _partnerId;
        _partnerId = Access.UserId is { } userId && Access.Grants.Any(g => Roles.IsAgencyScoped(g.Role))
            ? await db.PartnerMembers.Where(m => m.UserId == userId).Select(m => (Guid?)m.PartnerId).FirstOrDefaultAsync(ct)
            : null;
        _loaded = true;
        return _partnerId;
    }

    /// <summary>The courses the caller may see: partner staff their agency's (none when not linked to one), others all.</summary>
    public async Task<IQueryable<Course>> VisibleCoursesAsync(CancellationToken ct)
    {
        if (!IsPartnerOnly) return db.Courses;
        var partnerId = await MyPartnerIdAsync(ct);
        return partnerId is { } id ? db.Courses.Where(c => c.PartnerId == id) : db.Courses.Where(_ => false);
    }

    /// <summary>A visible course, else 404.</summary>
    public async Task<Course> CourseAsync(Guid courseId, CancellationToken ct, bool tracked = true)
    {
        var courses = await VisibleCoursesAsync(ct);
        if (!tracked) courses = courses.AsNoTracking();
        return await courses.FirstOrDefaultAsync(c => c.Id == courseId, ct) ?? throw new NotFoundException(Localized.Text("Course", "khóa học"), courseId);
    }

    /// <summary>A visible course the caller may act on with <paramref name="permission"/>: 404 when hidden, 403 when not permitted.</summary>
    public async Task<Course> CourseForAsync(Guid courseId, string permission, CancellationToken ct)
    {
        var course = await CourseAsync(courseId, ct);
        if (!await CanAsync(permission, course, ct)) throw new ForbiddenException();
        return course;
    }

    /// <summary>
    /// Partner staff act on their own agency's courses with their role's permissions; union users through a grant
    /// over the course's requesting unit.
    /// </summary>
    public async Task<bool> CanAsync(string permission, Course course, CancellationToken ct)
    {
        if (Access.Can(permission, course.RequestingUnitId)) return true;
        return Access.Grants.Any(g => Roles.IsAgencyScoped(g.Role) && Access.GrantHas(g, permission))
               && await MyPartnerIdAsync(ct) == course.PartnerId;
    }

    /// <summary>The partner agency itself: its staff and the coordinators see it, other partners get 404.</summary>
    public async Task<PartnerAgency> PartnerAsync(Guid partnerId, CancellationToken ct)
    {
        var visible = !IsPartnerOnly || await MyPartnerIdAsync(ct) == partnerId;
        return (visible ? await db.Partners.FirstOrDefaultAsync(p => p.Id == partnerId, ct) : null)
               ?? throw new NotFoundException(Localized.Text("Partner", "cơ quan đối tác"), partnerId);
    }

    /// <summary>The coordinator of the course, or its partner agency's staff (who issue and read its certificates).</summary>
    public async Task<bool> RunsCourseAsync(Course course, CancellationToken ct) =>
        await CanAsync(Permission.CoursesManage, course, ct) || (IsPartnerOnly && await MyPartnerIdAsync(ct) == course.PartnerId);

    /// <summary>Who is acting, for the lifecycle history.</summary>
    public Actor Actor => new(Access.UserId, Access.FullName ?? Access.Email ?? "system");
}

/// <summary>
/// Who reads and changes a campaign. The organising unit's scope reads it (the scope filter), and the units below
/// read the campaigns of the units above them that they take part in (a district reads the province's campaign it
/// joined); partner agencies' staff do not see campaigns. Changes need <see cref="Permission.CampaignsManage"/>
/// over the organising unit.
/// </summary>
internal sealed class CampaignVisibility(TrainingDbContext db, TrainingAccess training)
{
    public AccessContext Access => db.Access;

    public IQueryable<Campaign> Readable()
    {
        if (training.IsPartnerOnly) return db.Campaigns.Where(_ => false);
        if (Access.Unrestricted) return db.Campaigns;
        var visible = Access.VisibleUnitIds;
        var above = Access.AncestorUnitIds;
        return db.Campaigns.IgnoreQueryFilters().Where(c => visible.Contains(c.UnitId)
            || (above.Contains(c.UnitId) && c.Participants.Any(p => visible.Contains(p.UnitId))));
    }

    /// <summary>A readable campaign with its participants, else 404.</summary>
    public async Task<Campaign> FindAsync(Guid id, CancellationToken ct) =>
        await Readable().Include(c => c.Participants).FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException(Localized.Text("Campaign", "đợt tuyên truyền"), id);

    /// <summary>A readable campaign the caller may change: 404 when hidden, 403 without the right over the organiser.</summary>
    public async Task<Campaign> ForChangeAsync(Guid id, CancellationToken ct)
    {
        var campaign = await FindAsync(id, ct);
        if (!Access.Can(Permission.CampaignsManage, campaign.UnitId)) throw new ForbiddenException();
        return campaign;
    }

    /// <summary>
    /// The participating units must exist below (or be) the organising unit and lie in the caller's scope; any
    /// other id is refused the same way whether it exists or not.
    /// </summary>
    public async Task EnsureParticipantsAsync(IMediator mediator, Guid organiserId, IReadOnlyCollection<Guid> unitIds, CancellationToken ct)
    {
        if (unitIds.Count == 0) return;
        var subtree = (await mediator.Send(new GetSubtreeUnitIds(organiserId), ct)).Select(u => u.UnitId).ToHashSet();
        var refused = unitIds.Where(id => !subtree.Contains(id) || !Access.CanSee(id)).Distinct().ToList();
        if (refused.Count > 0)
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                ["participatingUnitIds"] = [.. refused.Select(id => Localized.Text($"Unit {id} is not a unit of the organiser in your scope.",
                    $"Đơn vị {id} không thuộc đơn vị tổ chức trong phạm vi của bạn."))],
            });
    }

    /// <summary>Names of units, by id (labels of records already authorised).</summary>
    public static async Task<Dictionary<Guid, UnitSummary>> NamesAsync(IMediator mediator, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        if (list.Count == 0) return [];
        return (await mediator.Send(new GetUnitSummaries(list), ct)).ToDictionary(u => u.Id);
    }
}

/// <summary>
/// Who may keep a partner's instructors: its own staff (<see cref="Permission.PartnerWork"/>) or the coordinator
/// (<see cref="Permission.CoursesManage"/>). The endpoints declare <see cref="Permission.SessionsSchedule"/>,
/// which both hold; another partner's staff get 404.
/// </summary>
internal static class InstructorRights
{
    public static async Task<PartnerAgency> PartnerForChangeAsync(TrainingAccess access, Guid partnerId, CancellationToken ct)
    {
        var partner = await access.PartnerAsync(partnerId, ct);
        var allowed = access.IsPartnerOnly
            ? access.Access.HasPermissionAnywhere(Permission.PartnerWork)
            : access.Access.HasPermissionAnywhere(Permission.CoursesManage);
        if (!allowed) throw new ForbiddenException();
        return partner;
    }
}

/// <summary>Enrolments past the unit scope filter (ADR 0008): a course's participants belong to many units.</summary>
internal static class EnrolmentAccess
{
    /// <summary>
    /// Enrolments of any unit, past the unit scope filter: only for reads reached through a course the caller was
    /// authorised for, or through the caller's own e-mail (ADR 0008).
    /// </summary>
    public static IQueryable<Enrolment> OfAnyUnit(this TrainingDbContext db) => db.Enrolments.IgnoreQueryFilters(["scope"]);

    /// <summary>Every enrolment of one course, whoever's unit it belongs to (only after the course itself was authorised).</summary>
    public static IQueryable<Enrolment> OfCourse(this TrainingDbContext db, Guid courseId) =>
        db.OfAnyUnit().Where(e => e.CourseId == courseId);

    /// <summary>The enrolments of the person signing in with this e-mail (case ignored); none without one.</summary>
    public static IQueryable<Enrolment> OfPerson(this TrainingDbContext db, string? email)
    {
        var normalized = email?.Trim().ToLower();
        return string.IsNullOrEmpty(normalized)
            ? db.OfAnyUnit().Where(_ => false)
            : db.OfAnyUnit().Where(e => e.OfficialEmail != null && e.OfficialEmail.ToLower() == normalized);
    }
}
