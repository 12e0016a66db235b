using Khcn.BuildingBlocks.Text;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Contracts;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.IntegrationTests.Training;

/// <summary>
/// Arranges partners, courses, sessions and officials straight through the module contexts (the partners/courses
/// endpoints belong to another slice), with the domain factories.
/// </summary>
internal static class TrainingArrange
{
    private static readonly Actor System = new(null, "test");

    public static DateOnly Today => VietnamTime.Today(TimeProvider.System);

    public static Task<Guid> UnitIdAsync(ApiFactory api, string code) =>
        api.InScopeAsync(sp => sp.GetRequiredService<OrganizationDbContext>().Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    public static Task<Guid> PartnerAsync(ApiFactory api, string name) => api.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<TrainingDbContext>();
        var existing = await db.Partners.Where(p => p.Name == name).Select(p => (Guid?)p.Id).FirstOrDefaultAsync();
        if (existing is { } id) return id;
        var partner = PartnerAgency.Create(new PartnerDetails(name, PartnerKind.University, null, null, null, null, null, null));
        db.Partners.Add(partner);
        await db.SaveChangesAsync();
        return partner.Id;
    });

    /// <summary>Links a (partner-role) user to an agency, once.</summary>
    public static Task LinkPartnerUserAsync(ApiFactory api, Guid partnerId, Guid userId, string email) => api.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<TrainingDbContext>();
        if (await db.PartnerMembers.AnyAsync(m => m.UserId == userId)) return 0;
        db.PartnerMembers.Add(new PartnerMember { PartnerId = partnerId, UserId = userId, FullName = email, Email = email, AddedAtUtc = DateTime.UtcNow });
        return await db.SaveChangesAsync();
    });

    /// <summary>A course of the partner requested by the root unit, moved to <paramref name="status"/>, with sessions (UTC start, hours).</summary>
    public static Task<Guid> CourseAsync(ApiFactory api, Guid partnerId, CourseStatus status, int capacity = 5,
        DateOnly? opens = null, DateOnly? closes = null, int minAttendance = 80, bool assessment = false, string? code = null,
        params (DateTime StartsAtUtc, double Hours)[] sessions) => api.InScopeAsync(async sp =>
    {
        var root = await sp.GetRequiredService<Mediator.IMediator>().Send(new GetRootUnit());
        var db = sp.GetRequiredService<TrainingDbContext>();
        code ??= "T-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var course = Course.Propose(partnerId, root!.Id, new CourseDetails(code, "Lớp " + code, CourseSubject.ResearchMethods, null, null,
            capacity, opens ?? Today.AddDays(-3), closes ?? Today.AddDays(10), "Hội trường", 0, FeePayer.Federation, null, minAttendance, assessment),
            System, DateTime.UtcNow);
        foreach (var step in new[] { CourseStatus.Confirmed, CourseStatus.OpenForNomination, CourseStatus.Running, CourseStatus.Completed })
        {
            if (status == CourseStatus.Cancelled) { course.MoveTo(CourseStatus.Cancelled, System, DateTime.UtcNow, "test"); break; }
            if (course.Status == status) break;
            course.MoveTo(step, System, DateTime.UtcNow, null);
        }
        db.Courses.Add(course);
        var n = 1;
        foreach (var (start, hours) in sessions)
            db.Sessions.Add(Session.Schedule(course, $"Buổi {n++}", start, start.AddHours(hours), "P.101", null));
        await db.SaveChangesAsync();
        return course.Id;
    });

    public static Task MoveAsync(ApiFactory api, Guid courseId, CourseStatus to) => api.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<TrainingDbContext>();
        var course = await db.Courses.SingleAsync(c => c.Id == courseId);
        course.MoveTo(to, System, DateTime.UtcNow, null);
        return await db.SaveChangesAsync();
    });

    /// <summary>An official of the unit with the given code (and e-mail).</summary>
    public static Task<Guid> OfficialAsync(ApiFactory api, string unitCode, string name, string? email = null) => api.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<OrganizationDbContext>();
        var unitId = await db.Units.Where(u => u.Code == unitCode).Select(u => u.Id).SingleAsync();
        var official = Official.Create(unitId, new OfficialDetails(name, "Cán bộ", null, email, null, PoliticalTheoryLevel.None, null, false));
        db.Officials.Add(official);
        await db.SaveChangesAsync();
        return official.Id;
    });

    public static async Task<List<Guid>> OfficialsAsync(ApiFactory api, string unitCode, int count)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++) ids.Add(await OfficialAsync(api, unitCode, $"Cán bộ {unitCode} {Guid.NewGuid().ToString("N")[..6]}"));
        return ids;
    }

    public static Task<long> CourseVersionAsync(ApiFactory api, Guid courseId) =>
        api.InScopeAsync(sp => sp.GetRequiredService<TrainingDbContext>().Courses.Where(c => c.Id == courseId).Select(c => c.Version).SingleAsync());
}
