using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Access;

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
        return Access.Grants.Any(g => Roles.IsAgencyScoped(g.Role) && Permission.RoleHas(g.Role, permission))
               && await MyPartnerIdAsync(ct) == course.PartnerId;
    }

    /// <summary>The partner agency itself: its staff and the coordinators see it, other partners get 404.</summary>
    public async Task<PartnerAgency> PartnerAsync(Guid partnerId, CancellationToken ct)
    {
        var visible = !IsPartnerOnly || await MyPartnerIdAsync(ct) == partnerId;
        return (visible ? await db.Partners.FirstOrDefaultAsync(p => p.Id == partnerId, ct) : null)
               ?? throw new NotFoundException(Localized.Text("Partner", "cơ quan đối tác"), partnerId);
    }

    /// <summary>Who is acting, for the lifecycle history.</summary>
    public Actor Actor => new(Access.UserId, Access.FullName ?? Access.Email ?? "system");
}
