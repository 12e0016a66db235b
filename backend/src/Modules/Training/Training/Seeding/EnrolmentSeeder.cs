using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Training.Contracts;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Seeding;

/// <summary>
/// Demo only, after the courses (CourseSeeder): officials of Văn Lâm and Mỹ Hào nominated to SPKT-DMST-03 (open, not
/// full), SKHCN-SHTT-04 (running, attendance of the sessions held) and SKHCN-KNS-06 (completed, results computed by
/// the rule and sent to the officials' training history). The official with the demo member's e-mail
/// (doanvien@hungyen.demo), when Organization has one, is among the completed participants. Skips courses that are
/// missing and does nothing once any enrolment exists.
/// </summary>
internal sealed class EnrolmentSeeder(TrainingDbContext db, IMediator mediator, TimeProvider clock) : IModuleSeeder
{
    public const string DemoMemberEmail = "doanvien@hungyen.demo";
    private const string By = "Dữ liệu mẫu";

    public int Order => 40;

    public async Task SeedAsync(SeedOptions options, CancellationToken ct)
    {
        if (!options.Demo || await db.Enrolments.IgnoreQueryFilters().AnyAsync(ct)) return;
        var codes = new[] { "SPKT-DMST-03", "SKHCN-SHTT-04", "SKHCN-KNS-06" };
        var courses = await db.Courses.Include(c => c.Steps).Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, ct);
        if (courses.Count == 0) return;

        var vanLam = await mediator.Send(new FindUnitByCode("VANLAM"), ct);
        var myHao = await mediator.Send(new FindUnitByCode("MYHAO"), ct);
        if (vanLam is null || myHao is null) return;
        var officials = await mediator.Send(new GetOfficialsOfUnits([vanLam.Id, myHao.Id]), ct);
        var vl = officials.Where(o => o.UnitId == vanLam.Id).ToList();
        var mh = officials.Where(o => o.UnitId == myHao.Id).ToList();
        if (vl.Count < 2 || mh.Count < 2) return;
        var member = (await mediator.Send(new FindOfficialsByEmail(DemoMemberEmail), ct)).FirstOrDefault();
        var now = clock.GetUtcNow().UtcDateTime;

        if (courses.TryGetValue("SPKT-DMST-03", out var open))
            Nominate(open, [vl[0], mh[0]], now);

        if (courses.TryGetValue("SKHCN-SHTT-04", out var running))
        {
            var people = Nominate(running, [vl[1], mh[1], vl[0]], now);
            var held = await SessionsAsync(running, ct);
            for (var p = 0; p < people.Count; p++)
                foreach (var (session, s) in held.Where(x => x.StartsAtUtc <= now).Select((x, s) => (x, s)))
                    people[p].Mark(session.Id, (p + s) % 5 == 4 ? AttendanceMark.Absent : p == 1 && s == 0 ? AttendanceMark.Late : AttendanceMark.Present, By, now);
        }

        if (courses.TryGetValue("SKHCN-KNS-06", out var completed))
        {
            var group = new List<OfficialForNomination> { vl[0], mh[0], vl[1] };
            if (member is not null && group.All(o => o.Id != member.Id)) group.Insert(0, member);
            var people = Nominate(completed, group, now);
            var sessions = await SessionsAsync(completed, ct);
            var partner = await db.Partners.Where(p => p.Id == completed.PartnerId).Select(p => p.Name).FirstAsync(ct);
            var completedOn = completed.Steps.Count > 0 ? DateOnly.FromDateTime(VietnamTime.ToLocal(completed.Steps.Max(s => s.AtUtc))) : VietnamTime.Today(clock);
            for (var p = 0; p < people.Count; p++)
            {
                var e = people[p];
                // The last participant missed half the sessions: the rule says "not completed".
                var missing = p == people.Count - 1 ? (sessions.Count + 1) / 2 : 0;
                for (var s = 0; s < sessions.Count; s++)
                    e.Mark(sessions[s].Id, s < missing ? AttendanceMark.Absent : s == 1 ? AttendanceMark.Late : AttendanceMark.Present, By, now);
                if (completed.AssessmentRequired) e.Assess(p != people.Count - 1);
                var result = CompletionRule.Evaluate(completed, sessions.Count, sessions.Count - missing, e.AssessmentPassed);
                e.Conclude(result);
                if (result == CompletionResult.Completed)
                    db.Publish(new TrainingCompleted(Guid.CreateVersion7(), now, e.Id, e.OfficialId, e.UnitId, completed.Id, completed.Code,
                        completed.Title, completed.Subject.ToString(), partner, completedOn));
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private List<Enrolment> Nominate(Course course, IReadOnlyList<OfficialForNomination> officials, DateTime now)
    {
        var list = new List<Enrolment>();
        foreach (var o in officials)
        {
            var enrolled = list.Count(e => e.Status == EnrolmentStatus.Enrolled);
            var e = Enrolment.Nominate(course, new NominatedOfficial(o.Id, o.UnitId, o.FullName, o.Email, o.Position),
                course.PlaceFor(enrolled), list.Count + 1, By, now, null);
            db.Enrolments.Add(e);
            list.Add(e);
        }
        return list.Where(e => e.Status == EnrolmentStatus.Enrolled).ToList();
    }

    private Task<List<Session>> SessionsAsync(Course course, CancellationToken ct) =>
        db.Sessions.Where(s => s.CourseId == course.Id && s.Status == SessionStatus.Scheduled).OrderBy(s => s.StartsAtUtc).ToListAsync(ct);
}
