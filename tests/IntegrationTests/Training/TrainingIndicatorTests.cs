using System.Net;
using Khcn.IntegrationTests.Organization;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Features.Reports;
using Khcn.Training.Domain;
using Khcn.Training.Features.Completion;
using Khcn.Training.Integrations;

namespace Khcn.IntegrationTests.Training;

/// <summary>Completed courses pre-fill the annual report's training indicators (courses held, officials trained, by subject).</summary>
public sealed class TrainingIndicatorTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const int Year = 2018;
    private static readonly Actor Tester = new(null, "Kiểm thử");

    internal sealed record Taken(Guid OfficialId, string UnitCode, CompletionResult Result);

    /// <summary>A course requested by <paramref name="requestingUnit"/>, completed at <paramref name="completedAtUtc"/>, with its participants' results.</summary>
    internal static async Task CompletedCourseAsync(ApiFactory api, Guid partnerId, string requestingUnit, CourseSubject subject, DateTime completedAtUtc, params Taken[] taken)
    {
        var units = new Dictionary<string, Guid> { [requestingUnit] = await TrainingArrange.UnitIdAsync(api, requestingUnit) };
        foreach (var code in taken.Select(t => t.UnitCode).Distinct().Where(c => !units.ContainsKey(c)))
            units[code] = await TrainingArrange.UnitIdAsync(api, code);
        await CertificateArrange.InTrainingAsync(api, async db =>
        {
            var code = CertificateArrange.Unique("CH");
            var start = completedAtUtc.AddDays(-10);
            var course = Course.Propose(partnerId, units[requestingUnit], new CourseDetails(code, "Lớp " + code, subject, null, null, 30,
                DateOnly.FromDateTime(start.AddDays(-20)), DateOnly.FromDateTime(start.AddDays(-5)), "Hội trường", 0, FeePayer.Federation, null, 80, false),
                Tester, start.AddDays(-30));
            foreach (var step in new[] { CourseStatus.Confirmed, CourseStatus.OpenForNomination, CourseStatus.Running })
                course.MoveTo(step, Tester, start, null);
            course.MoveTo(CourseStatus.Completed, Tester, completedAtUtc, null);
            db.Courses.Add(course);
            var queue = 0;
            foreach (var t in taken)
            {
                var e = Enrolment.Nominate(course, new NominatedOfficial(t.OfficialId, units[t.UnitCode], "Cán bộ " + queue, null, null),
                    EnrolmentStatus.Enrolled, ++queue, "Kiểm thử", start.AddDays(-15), null);
                e.SetResult(t.Result);
                db.Enrolments.Add(e);
            }
            return await db.SaveChangesAsync();
        });
    }

    [ApiFact]
    public async Task Given_courses_completed_around_the_year_When_a_district_opens_its_report_Then_courses_held_and_officials_trained_by_subject_are_prefilled()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var partner = await TrainingArrange.PartnerAsync(api, "Đối tác chỉ tiêu đào tạo");
        var grassroots = "VANLAM-DETMAYLACHONG";
        Guid x = Guid.NewGuid(), y = Guid.NewGuid(), z = Guid.NewGuid(), w = Guid.NewGuid();
        // Held by Văn Lâm in June: x (its grassroots union) and y (the district) complete, z does not; w is Mỹ Hào's.
        await CompletedCourseAsync(api, partner, "VANLAM", CourseSubject.Expertise, new DateTime(Year, 6, 1, 3, 0, 0, DateTimeKind.Utc),
            new Taken(x, grassroots, CompletionResult.Completed), new Taken(y, "VANLAM", CompletionResult.Completed),
            new Taken(z, grassroots, CompletionResult.NotCompleted), new Taken(w, "MYHAO", CompletionResult.Completed));
        // Held by the province in September: x completes a second course (counted once overall, once in research methods).
        await CompletedCourseAsync(api, partner, "HY", CourseSubject.ResearchMethods, new DateTime(Year, 9, 1, 3, 0, 0, DateTimeKind.Utc),
            new Taken(x, grassroots, CompletionResult.Completed));
        // Completed on 31/12 at 18:00 UTC, already 1 January in Vietnam: next year's.
        await CompletedCourseAsync(api, partner, "VANLAM", CourseSubject.ForeignLanguage, new DateTime(Year, 12, 31, 18, 0, 0, DateTimeKind.Utc),
            new Taken(Guid.NewGuid(), "VANLAM", CompletionResult.Completed));

        var province = await AnnualReportTests.UnitIdAsync(admin, "HY");
        var created = await admin.PostJsonAsync(CreateReportPeriod.Route, new
        {
            unitId = province, year = Year, title = $"Báo cáo đào tạo năm {Year}", deadline = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"),
            indicators = new object[]
            {
                new { code = "courses", name = "Số lớp", section = "Đào tạo", kind = "Number", source = CoursesHeldSource.SourceKey },
                new { code = "trained", name = "Số cán bộ được đào tạo", section = "Đào tạo", kind = "Number", source = OfficialsTrainedSource.SourceKey },
                new { code = "expertise", name = "Chuyên môn", section = "Đào tạo", kind = "Number", source = "training.officials-trained.expertise" },
                new { code = "research", name = "Phương pháp NCKH", section = "Đào tạo", kind = "Number", source = "training.officials-trained.research-methods" },
                new { code = "language", name = "Ngoại ngữ", section = "Đào tạo", kind = "Number", source = "training.officials-trained.foreign-language" },
            },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var period = await created.ReadAsync<ReportPeriodDetail>();

        async Task<Dictionary<string, decimal?>> SuggestedAsync(string unitCode)
        {
            var unit = await AnnualReportTests.UnitIdAsync(admin, unitCode);
            var report = await (await admin.GetAsync(GetUnitReport.For(period.Id, unit))).ReadAsync<ReportView>();
            return report.Values.ToDictionary(v => v.Code, v => v.Suggested);
        }

        // Each unit's own figures (IReportIndicatorSource): the synthesis and the dashboard add them up over a subtree.
        var vanLam = await SuggestedAsync("VANLAM");
        vanLam["courses"].ShouldBe(1m, "the June course; the one ending on 1 January (Vietnam time) belongs to the next year");
        vanLam["trained"].ShouldBe(1m, "y, nominated by the district; x is its grassroots union's, w Mỹ Hào's");
        vanLam["expertise"].ShouldBe(1m);
        vanLam["research"].ShouldBe(0m);
        vanLam["language"].ShouldBe(0m);

        var own = await SuggestedAsync(grassroots);
        own["courses"].ShouldBe(0m, "the grassroots union requested no course, but its official did complete one");
        own["trained"].ShouldBe(1m, "x, counted once for two courses; z did not complete");
        own["expertise"].ShouldBe(1m);
        own["research"].ShouldBe(1m, "x in the province's course");
        (await SuggestedAsync("MYHAO"))["trained"].ShouldBe(1m);
        (await SuggestedAsync("PHUCU"))["trained"].ShouldBeNull("no training in Phù Cừ that year: nothing to pre-fill");

        var catalogue = await (await admin.GetAsync(GetReportingCatalogue.Route)).ReadAsync<ReportingCatalogue>();
        catalogue.Sources.Select(s => s.Key).ShouldContain("training.officials-trained.innovation-skills");
        catalogue.DefaultTemplate.Single(i => i.Code == "officials_trained").Source.ShouldBe(OfficialsTrainedSource.SourceKey);
        catalogue.DefaultTemplate.Single(i => i.Code == "courses_held").Source.ShouldBe(CoursesHeldSource.SourceKey);
    }
}
