using Khcn.BuildingBlocks.Security;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Contracts;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.IntegrationTests.Training;

/// <summary>A participant to arrange: who, from which unit, with which result.</summary>
internal sealed record Participant(string Name, string? Email, string UnitCode, CompletionResult Result,
    EnrolmentStatus Status = EnrolmentStatus.Enrolled);

internal sealed record ArrangedCourse(Guid Id, string Code, Guid PartnerId, IReadOnlyList<Guid> SessionIds, IReadOnlyList<Guid> EnrolmentIds);

/// <summary>
/// Arranges Training data straight through the module's DbContext and domain factories (the courses, sessions,
/// nominations and attendance endpoints belong to other slices): partners, courses in a given state, sessions,
/// enrolments with their results.
/// </summary>
internal static class CertificateArrange
{
    public const string Coordinator = "tuyengiao@hungyen.demo";
    public const string PartnerStaff = "doitac@hungyen.demo";
    public const string Member = "doanvien@hungyen.demo";
    public const string MemberUnit = "VANLAM-DETMAYLACHONG";

    /// <summary>Monday 10 March 2025, 08:00 in Vietnam.</summary>
    public static readonly DateTime FirstSessionUtc = new(2025, 3, 10, 1, 0, 0, DateTimeKind.Utc);

    public static string Unique(string prefix) => $"{prefix}{Guid.NewGuid().ToString("N")[..6].ToUpperInvariant()}";

    public static Task<Guid> UnitIdAsync(ApiFactory api, string code) =>
        api.InScopeAsync(async sp => (await sp.GetRequiredService<IMediator>().Send(new FindUnitByCode(code)))!.Id);

    public static Task<T> InTrainingAsync<T>(ApiFactory api, Func<TrainingDbContext, Task<T>> work) =>
        api.InScopeAsync(async sp => await work(sp.GetRequiredService<TrainingDbContext>()));

    /// <summary>A partner agency, with <paramref name="staffEmail"/> (a user with role partner) as its staff when given.</summary>
    public static Task<Guid> PartnerAsync(ApiFactory api, string name, string? staffEmail = null) =>
        api.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TrainingDbContext>();
            var partner = PartnerAgency.Create(new PartnerDetails(name, PartnerKind.University, null, null, null, null, null, null));
            db.Partners.Add(partner);
            if (staffEmail is not null)
            {
                var user = await sp.GetRequiredService<IUserDirectory>().FindActiveByEmailAsync(staffEmail, CancellationToken.None)
                           ?? throw new InvalidOperationException(staffEmail);
                await db.PartnerMembers.Where(m => m.UserId == user.UserId).ExecuteDeleteAsync();
                partner.Members.Add(new PartnerMember
                {
                    PartnerId = partner.Id, UserId = user.UserId, FullName = user.FullName, Email = user.Email, AddedAtUtc = DateTime.UtcNow,
                });
            }
            await db.SaveChangesAsync();
            return partner.Id;
        });

    /// <summary>
    /// A course of <paramref name="partnerId"/> requested by the root unit, moved through its lifecycle up to
    /// <paramref name="status"/>, with <paramref name="sessions"/> daily sessions and the participants.
    /// </summary>
    public static async Task<ArrangedCourse> CourseAsync(ApiFactory api, Guid partnerId, CourseStatus status, int sessions,
        params Participant[] participants)
    {
        var root = await api.InScopeAsync(async sp => (await sp.GetRequiredService<IMediator>().Send(new GetRootUnit()))!.Id);
        var units = new Dictionary<string, Guid>();
        foreach (var code in participants.Select(p => p.UnitCode).Distinct())
            units[code] = await UnitIdAsync(api, code);
        var code_ = Unique("KH");
        return await InTrainingAsync(api, async db =>
        {
            var actor = new Actor(null, "Kiểm thử");
            var now = FirstSessionUtc.AddDays(-30);
            var course = Course.Propose(partnerId, root, new CourseDetails(code_, $"Kỹ năng đổi mới sáng tạo {code_}",
                CourseSubject.InnovationSkills, "Cán bộ công đoàn", null, 30, new DateOnly(2025, 2, 1), new DateOnly(2025, 3, 1),
                "Trường Đại học Sư phạm Kỹ thuật Hưng Yên", 0, FeePayer.Federation, null, 80, false), actor, now);
            var path = new[] { CourseStatus.Confirmed, CourseStatus.OpenForNomination, CourseStatus.Running, CourseStatus.Completed };
            if (status == CourseStatus.Cancelled) course.MoveTo(CourseStatus.Cancelled, actor, now.AddDays(1), "Hủy để kiểm thử");
            else
                foreach (var step in path.TakeWhile(s => s <= status))
                    course.MoveTo(step, actor, step == CourseStatus.Completed ? FirstSessionUtc.AddDays(sessions + 1) : now.AddDays(1), null);
            db.Courses.Add(course);
            var sessionList = Enumerable.Range(0, sessions)
                .Select(i => Session.Schedule(course, $"Buổi {i + 1}", FirstSessionUtc.AddDays(i), FirstSessionUtc.AddDays(i).AddHours(3), $"Phòng {101 + i}", null))
                .ToList();
            db.Sessions.AddRange(sessionList);
            var enrolments = participants.Select((p, i) =>
            {
                var e = Enrolment.Nominate(course, new NominatedOfficial(Guid.NewGuid(), units[p.UnitCode], p.Name, p.Email, "Cán bộ"),
                    p.Status, i + 1, "Kiểm thử", now.AddDays(2), null);
                e.SetResult(p.Result);
                return e;
            }).ToList();
            db.Enrolments.AddRange(enrolments);
            await db.SaveChangesAsync();
            return new ArrangedCourse(course.Id, course.Code, partnerId, sessionList.Select(s => s.Id).ToList(), enrolments.Select(e => e.Id).ToList());
        });
    }

    public static Task ChangeSessionAsync(ApiFactory api, Guid sessionId, Action<Session> change) =>
        InTrainingAsync(api, async db =>
        {
            change(await db.Sessions.SingleAsync(s => s.Id == sessionId));
            await db.SaveChangesAsync();
            return 0;
        });

    public static Task CancelCourseAsync(ApiFactory api, Guid courseId) =>
        InTrainingAsync(api, async db =>
        {
            (await db.Courses.SingleAsync(c => c.Id == courseId)).MoveTo(CourseStatus.Cancelled, new Actor(null, "Kiểm thử"), DateTime.UtcNow, "Hủy");
            await db.SaveChangesAsync();
            return 0;
        });
}
