using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Seeding;

/// <summary>
/// Demo data: two partner agencies (the Hưng Yên University of Technology and Education, with the demo partner
/// user doitac@hungyen.demo, and the provincial Department of Science and Technology), their instructors and five
/// courses in every state before completion, with sessions dated from the seeding day:
/// <list type="bullet">
/// <item><c>SPKT-SK-01</c> proposed — the partner confirms it in the walk-through (e2e);</item>
/// <item><c>SPKT-NCKH-02</c> confirmed, no sessions yet — ready to be scheduled and opened;</item>
/// <item><c>SPKT-DMST-03</c> open for nomination, sessions in two weeks — for nominations;</item>
/// <item><c>SKHCN-SHTT-04</c> running since two days ago;</item>
/// <item><c>SKHCN-TA-05</c> cancelled;</item>
/// <item><c>SKHCN-KNS-06</c> completed last month (results, training history, certificates to issue).</item>
/// </list>
/// </summary>
internal sealed class CourseSeeder(TrainingDbContext db, IMediator mediator, IUserDirectory users, TimeProvider clock) : IModuleSeeder
{
    public const string UniversityName = "Trường Đại học Sư phạm Kỹ thuật Hưng Yên";
    public const string DepartmentName = "Sở Khoa học và Công nghệ Hưng Yên";
    public const string PartnerUserEmail = "doitac@hungyen.demo";
    /// <summary>The university's own system: the demo integrator client's service account (Platform seeds it, partner role).</summary>
    public const string PartnerClientEmail = "spkt-dao-tao@clients.khcn.invalid";

    public int Order => 25;

    public async Task SeedAsync(SeedOptions options, CancellationToken ct)
    {
        if (!options.Demo || await db.Partners.AnyAsync(ct)) return;
        var root = await mediator.Send(new FindUnitByCode("HY"), ct);
        if (root is null) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = VietnamTime.Today(clock);
        var system = new Actor(null, "Hệ thống (dữ liệu mẫu)");

        var university = PartnerAgency.Create(new PartnerDetails(UniversityName, PartnerKind.University, "PGS.TS. Đỗ Văn Minh",
            "hoptac@utehy.edu.vn", "0221 3713 081", "15/TTHT-LĐLĐ", today.AddYears(-1), today.AddYears(2)));
        var department = PartnerAgency.Create(new PartnerDetails(DepartmentName, PartnerKind.ScienceDepartment, "Ông Vũ Đức Thắng",
            "sokhcn@hungyen.gov.vn", "0221 3862 313", "08/QCPH-SKHCN-LĐLĐ", today.AddMonths(-8), today.AddYears(1)));
        db.Partners.AddRange(university, department);

        var partnerUser = await users.FindActiveByEmailAsync(PartnerUserEmail, ct);
        Actor partnerActor = system;
        if (partnerUser is not null)
        {
            db.PartnerMembers.Add(new PartnerMember
            {
                PartnerId = university.Id, UserId = partnerUser.UserId, FullName = partnerUser.FullName, Email = partnerUser.Email, AddedAtUtc = now,
            });
            partnerActor = new Actor(partnerUser.UserId, partnerUser.FullName);
        }

        if (await users.FindActiveByEmailAsync(PartnerClientEmail, ct) is { } partnerClient)
            db.PartnerMembers.Add(new PartnerMember
            {
                PartnerId = university.Id, UserId = partnerClient.UserId, FullName = partnerClient.FullName, Email = partnerClient.Email, AddedAtUtc = now,
            });

        var hung = Instructor.Create(university.Id, "TS. Nguyễn Văn Hùng", "hungnv@utehy.edu.vn", "Phương pháp nghiên cứu khoa học");
        var mai = Instructor.Create(university.Id, "ThS. Trần Thị Mai", "maitt@utehy.edu.vn", "Đổi mới sáng tạo, chuyển đổi số");
        var bao = Instructor.Create(department.Id, "ThS. Phạm Quốc Bảo", "baopq@hungyen.gov.vn", "Sở hữu trí tuệ");
        var lan = Instructor.Create(department.Id, "ThS. Lê Thị Lan", "lanlt@hungyen.gov.vn", "Tiếng Anh chuyên ngành kỹ thuật");
        db.Instructors.AddRange(hung, mai, bao, lan);

        Course Propose(PartnerAgency partner, string code, string title, CourseSubject subject, int capacity, int opensIn, int closesIn,
            string venue, decimal fee, FeePayer payer, string audience, string description)
        {
            var course = Course.Propose(partner.Id, root.Id, new CourseDetails(code, title, subject, audience, description, capacity,
                today.AddDays(opensIn), today.AddDays(closesIn), venue, fee, payer, null, 80, false), system, now.AddDays(-40));
            db.Courses.Add(course);
            return course;
        }

        DateTime At(int day, int hour, int minute = 0) => today.AddDays(day).ToDateTime(new TimeOnly(hour, minute)) - VietnamTime.Offset;
        void Sessions(Course course, Instructor instructor, string room, params (int Day, string Topic)[] days)
        {
            foreach (var (day, topic) in days)
                db.Sessions.Add(Session.Schedule(course, topic, At(day, 8), At(day, 11, 30), room, instructor.Id));
        }

        const string UnionOfficers = "Cán bộ công đoàn các cấp";
        // Small on purpose: in the walk-through the partner confirms and schedules it, the coordinator opens it and
        // Văn Lâm nominates until it overflows into the waitlist.
        Propose(university, "SPKT-SK-01", "Kỹ năng viết và đánh giá sáng kiến, cải tiến kỹ thuật", CourseSubject.InnovationSkills, 3, -1, 25,
            "Trường ĐH SPKT Hưng Yên, cơ sở Khoái Châu", 0, FeePayer.Federation, "Cán bộ công đoàn cơ sở, người lao động có sáng kiến",
            "Cách trình bày, thẩm định và nhân rộng sáng kiến, cải tiến kỹ thuật trong doanh nghiệp.");

        var research = Propose(university, "SPKT-NCKH-02", "Phương pháp nghiên cứu khoa học cho cán bộ công đoàn", CourseSubject.ResearchMethods, 35, 7, 21,
            "Trường ĐH SPKT Hưng Yên, cơ sở Mỹ Hào", 500_000, FeePayer.NominatingUnit, UnionOfficers,
            "Xây dựng đề cương, thu thập và xử lý số liệu, viết báo cáo đề tài cấp cơ sở.");
        research.Confirm(partnerActor, now.AddDays(-10));

        var innovation = Propose(university, "SPKT-DMST-03", "Đổi mới sáng tạo và chuyển đổi số trong doanh nghiệp", CourseSubject.InnovationSkills, 4, -5, 10,
            "Trường ĐH SPKT Hưng Yên, cơ sở Mỹ Hào", 0, FeePayer.Federation, UnionOfficers,
            "Tư duy đổi mới sáng tạo, công cụ số cho công đoàn cơ sở và người lao động.");
        innovation.Confirm(partnerActor, now.AddDays(-15));
        Sessions(innovation, mai, "Phòng A2-301", (14, "Tư duy đổi mới sáng tạo"), (15, "Công cụ số cho công đoàn cơ sở"), (16, "Thực hành: dự án cải tiến"));
        innovation.OpenForNomination(3, system, now.AddDays(-6));

        var property = Propose(department, "SKHCN-SHTT-04", "Sở hữu trí tuệ và đăng ký sáng chế, giải pháp hữu ích", CourseSubject.Expertise, 25, -30, -7,
            "Sở KH&CN Hưng Yên, 36 Chùa Chuông", 0, FeePayer.Partner, "Cán bộ công đoàn, kỹ sư, người lao động có sáng kiến",
            "Quy trình đăng ký sáng chế, giải pháp hữu ích; bảo hộ quyền sở hữu trí tuệ cho người lao động.");
        property.Confirm(system, now.AddDays(-35));
        Sessions(property, bao, "Hội trường tầng 2", (-2, "Tổng quan về sở hữu trí tuệ"), (5, "Hồ sơ đăng ký sáng chế"), (12, "Giải pháp hữu ích: thực hành"));
        property.OpenForNomination(3, system, now.AddDays(-30));
        property.Start(system, now.AddDays(-2));

        // Held last month and completed: participants' results, the officials' training history, certificates to issue.
        var skills = Propose(department, "SKHCN-KNS-06", "Kỹ năng xây dựng và quản lý nhiệm vụ khoa học cấp cơ sở", CourseSubject.ResearchMethods, 20, -60, -45,
            "Sở KH&CN Hưng Yên, 36 Chùa Chuông", 0, FeePayer.Partner, UnionOfficers, "Lập thuyết minh, quản lý tiến độ và nghiệm thu nhiệm vụ khoa học.");
        skills.Confirm(system, now.AddDays(-62));
        Sessions(skills, bao, "Hội trường tầng 2", (-40, "Thuyết minh nhiệm vụ"), (-39, "Quản lý tiến độ"), (-38, "Nghiệm thu và ứng dụng"));
        skills.OpenForNomination(3, system, now.AddDays(-60));
        skills.Start(system, now.AddDays(-40));
        skills.Complete(system, now.AddDays(-37), null);

        var english = Propose(department, "SKHCN-TA-05", "Tiếng Anh chuyên ngành kỹ thuật", CourseSubject.ForeignLanguage, 20, -20, -5,
            "Sở KH&CN Hưng Yên, 36 Chùa Chuông", 1_200_000, FeePayer.NominatingUnit, UnionOfficers, "Đọc hiểu tài liệu kỹ thuật tiếng Anh.");
        english.Confirm(system, now.AddDays(-25));
        var englishSessions = new[] { (20, "Buổi 1"), (27, "Buổi 2") }
            .Select(d => Session.Schedule(english, d.Item2, At(d.Item1, 13, 30), At(d.Item1, 16, 30), "Phòng 204", lan.Id)).ToList();
        foreach (var s in englishSessions) { s.Cancel(); db.Sessions.Add(s); }
        english.Cancel("Không đủ số lượng học viên đăng ký.", system, now.AddDays(-4));

        await db.SaveChangesAsync(ct);
    }
}
