using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Khcn.Training.Seeding;

/// <summary>
/// Training's part of the province-scale benchmark dataset (<c>Seed:Scale=true</c>, `make seed-scale`): about 500
/// courses of 10 partner agencies, 10 sessions each (5,000) spread over the year without clashes, and 40
/// enrolments each (20,000) of synthetic officials of the demo districts. Most courses are open for nomination
/// today, so the nomination benchmark has places and waitlists to fill. Deterministic; saved in batches.
/// </summary>
internal sealed class TrainingScaleSeeder(TrainingDbContext db, IMediator mediator, TimeProvider clock, ILogger<TrainingScaleSeeder> log) : IModuleSeeder
{
    private const int Partners = 10, CoursesPerPartner = 50, SessionsPerCourse = 10, EnrolmentsPerCourse = 40, Batch = 25;

    public int Order => 60;

    public async Task SeedAsync(SeedOptions options, CancellationToken ct)
    {
        if (!options.Demo || !options.Scale) return;
        if (await db.Courses.AnyAsync(c => c.Code.StartsWith("SCALE-"), ct)) return;
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        var root = await mediator.Send(new GetRootUnit(), ct) ?? throw new InvalidOperationException("No root unit to seed courses for.");
        var units = new List<Guid>();
        foreach (var code in new[] { "VANLAM", "MYHAO", "KCN", "CCVC" })
            if (await mediator.Send(new FindUnitByCode(code), ct) is { } unit) units.Add(unit.Id);
        if (units.Count == 0) units.Add(root.Id);

        var now = clock.GetUtcNow().UtcDateTime;
        var today = VietnamTime.Today(clock);
        var actor = new Actor(null, "Scale seed");
        var random = new Random(405);
        var subjects = Enum.GetValues<CourseSubject>();
        var serial = 0;
        for (var p = 0; p < Partners; p++)
        {
            var partner = PartnerAgency.Create(new PartnerDetails($"Đơn vị đào tạo quy mô {p + 1:00}", PartnerKind.TrainingCentre,
                null, null, null, $"HĐ-{p + 1:00}/2026", today.AddYears(-1), today.AddYears(2)));
            db.Partners.Add(partner);
            var instructors = Enumerable.Range(1, 8).Select(i => Instructor.Create(partner.Id, $"Giảng viên {p + 1:00}-{i}", null, null)).ToList();
            db.Instructors.AddRange(instructors);
            await SaveAsync(ct);

            // Each course of the partner gets its own day slots, so rooms and instructors never clash.
            for (var c = 0; c < CoursesPerPartner; c++)
            {
                serial++;
                var course = Course.Propose(partner.Id, root.Id, new CourseDetails(
                    $"SCALE-{serial:0000}", $"Khóa bồi dưỡng {subjects[serial % subjects.Length]} số {serial}", subjects[serial % subjects.Length],
                    "Cán bộ công đoàn", null, 30, today.AddDays(-10), today.AddDays(60), "Hội trường", 0, FeePayer.Federation,
                    null, 80, false), actor, now);
                course.MoveTo(CourseStatus.Confirmed, actor, now, null);
                course.MoveTo(CourseStatus.OpenForNomination, actor, now, null);
                db.Courses.Add(course);
                for (var s = 0; s < SessionsPerCourse; s++)
                {
                    var day = today.AddDays(20 + c * 7 + s / 2);
                    var startLocal = day.ToDateTime(new TimeOnly(s % 2 == 0 ? 8 : 13, 30));
                    var startUtc = DateTime.SpecifyKind(startLocal - VietnamTime.Offset, DateTimeKind.Utc);
                    db.Sessions.Add(Session.Schedule(course, $"Chuyên đề {s + 1}", startUtc, startUtc.AddHours(3),
                        $"Phòng {c % 5 + 1:00}", instructors[(c + s) % instructors.Count].Id));
                }
                for (var e = 0; e < EnrolmentsPerCourse; e++)
                {
                    var official = new NominatedOfficial(Guid.CreateVersion7(), units[random.Next(units.Count)],
                        $"Cán bộ {serial:0000}-{e + 1:00}", $"canbo{serial:0000}.{e + 1:00}@scale.demo", "Cán bộ công đoàn");
                    db.Enrolments.Add(Enrolment.Nominate(course, official,
                        e < course.Capacity ? EnrolmentStatus.Enrolled : EnrolmentStatus.Waitlisted, e + 1, "Scale seed", now, null));
                }
                if (serial % Batch == 0) await SaveAsync(ct);
            }
            await SaveAsync(ct);
        }
        log.LogInformation("Scale seed: {Courses} courses, {Sessions} sessions, {Enrolments} enrolments added",
            serial, serial * SessionsPerCourse, serial * EnrolmentsPerCourse);
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
