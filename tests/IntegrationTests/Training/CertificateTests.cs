using System.Net;
using System.Text;
using System.Text.Json;
using Khcn.IntegrationTests.Messaging;
using Khcn.IntegrationTests.Support;
using Khcn.Training.Domain;
using Khcn.Training.Features.Certificates;
using Microsoft.EntityFrameworkCore;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using static Khcn.IntegrationTests.Training.CertificateArrange;

namespace Khcn.IntegrationTests.Training;

/// <summary>Issuing, listing, revoking and downloading certificates, and their public verification.</summary>
public sealed class CertificateTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly Participant Holder = new("Nguyễn Thị Hồng Nhung", Member, MemberUnit, CompletionResult.Completed);

    private async Task<(ArrangedCourse Course, Guid PartnerId)> CompletedCourseAsync(string? staff = null, params Participant[] others)
    {
        var partnerId = await PartnerAsync(api, Unique("Trường Đại học Thủy lợi "), staff);
        var course = await CourseAsync(api, partnerId, CourseStatus.Completed, 3, [Holder, .. others]);
        return (course, partnerId);
    }

    private static string VerificationCode(CertificateView view) => view.VerifyUrl[(view.VerifyUrl.LastIndexOf('/') + 1)..];

    [ApiFact]
    public async Task Given_a_completed_course_When_the_coordinator_issues_twice_Then_each_completed_participant_gets_one_numbered_certificate()
    {
        var (course, _) = await CompletedCourseAsync(null,
            new Participant("Trần Văn Bình", "binh@example.vn", "VANLAM", CompletionResult.Completed),
            new Participant("Lê Thị Cúc", "cuc@example.vn", "MYHAO", CompletionResult.NotCompleted),
            new Participant("Phạm Văn Dũng", null, "MYHAO", CompletionResult.Pending));
        var coordinator = await api.LoginAsync(Coordinator);

        var first = await (await coordinator.PostAsync(IssueCertificates.For(course.Id), null)).ReadAsync<IssueCertificatesResult>();
        first.Issued.ShouldBe(2);
        first.Certificates.Select(c => c.Number).ShouldBe([$"{course.Code}/2025/001", $"{course.Code}/2025/002"]);
        first.Certificates.Select(c => c.HolderName).ShouldBe(["Nguyễn Thị Hồng Nhung", "Trần Văn Bình"]);
        first.Certificates.ShouldAllBe(c => c.CompletedOn == new DateOnly(2025, 3, 14) && c.RevokedAt == null);
        foreach (var code in first.Certificates.Select(VerificationCode))
        {
            code.Length.ShouldBeGreaterThanOrEqualTo(22, "at least 128 bits in base64url");
            code.ShouldMatch("^[A-Za-z0-9_-]+$");
        }
        first.Certificates.Select(VerificationCode).Distinct().Count().ShouldBe(2);

        var second = await (await coordinator.PostAsync(IssueCertificates.For(course.Id), null)).ReadAsync<IssueCertificatesResult>();
        second.Issued.ShouldBe(0, "issuing again issues nothing new");
        second.Certificates.Select(c => c.Id).ShouldBe(first.Certificates.Select(c => c.Id));
        var listed = await (await coordinator.GetAsync(ListCourseCertificates.Route.Replace("{id}", course.Id.ToString()))).ReadAsync<List<CertificateView>>();
        listed.Count.ShouldBe(2);
    }

    [ApiFact]
    public async Task Given_participants_who_missed_the_completion_rule_When_issuing_Then_the_answer_lists_who_did_not_qualify_and_why_in_Vietnamese()
    {
        var (course, _) = await CompletedCourseAsync(null,
            new Participant("Lê Thị Cúc", "cuc@example.vn", "MYHAO", CompletionResult.NotCompleted),
            new Participant("Phạm Văn Dũng", null, "MYHAO", CompletionResult.NotCompleted),
            new Participant("Đỗ Thị Em", null, "VANLAM", CompletionResult.Pending),
            new Participant("Vũ Văn Giang", null, "VANLAM", CompletionResult.NotCompleted, EnrolmentStatus.Withdrawn));
        // The course requires an assessment; Cúc attended 1 of 3 sessions, Dũng all three but failed, Em all three, not assessed.
        await InTrainingAsync(api, async db =>
        {
            var entity = await db.Courses.SingleAsync(c => c.Id == course.Id);
            db.Entry(entity).Property(c => c.AssessmentRequired).CurrentValue = true;
            var enrolments = await db.Enrolments.IgnoreQueryFilters().Include(e => e.Attendance).Where(e => e.CourseId == course.Id).ToListAsync();
            var byName = enrolments.ToDictionary(e => e.OfficialName);
            byName[Holder.Name].Assess(true);
            byName["Lê Thị Cúc"].Mark(course.SessionIds[0], AttendanceMark.Present, "Kiểm thử", FirstSessionUtc);
            byName["Lê Thị Cúc"].Mark(course.SessionIds[1], AttendanceMark.Absent, "Kiểm thử", FirstSessionUtc);
            byName["Lê Thị Cúc"].Assess(true);
            foreach (var name in new[] { "Phạm Văn Dũng", "Đỗ Thị Em" })
                foreach (var session in course.SessionIds) byName[name].Mark(session, AttendanceMark.Late, "Kiểm thử", FirstSessionUtc);
            byName["Phạm Văn Dũng"].Assess(false);
            await db.SaveChangesAsync();
            return 0;
        });
        var coordinator = await api.LoginAsync(Coordinator);
        coordinator.DefaultRequestHeaders.AcceptLanguage.ParseAdd("vi");

        var result = await (await coordinator.PostAsync(IssueCertificates.For(course.Id), null)).ReadAsync<IssueCertificatesResult>();

        result.Issued.ShouldBe(1);
        result.Certificates.ShouldHaveSingleItem().HolderName.ShouldBe(Holder.Name);
        result.NotQualified.Select(p => p.Name).ShouldBe(["Lê Thị Cúc", "Phạm Văn Dũng", "Đỗ Thị Em"], ignoreOrder: true, "the withdrawn participant is not listed");
        var cuc = result.NotQualified.Single(p => p.Name == "Lê Thị Cúc");
        cuc.AttendancePercent.ShouldBe(33);
        cuc.Reasons.ShouldHaveSingleItem().Code.ShouldBe("attendance_below_minimum");
        cuc.Reasons[0].Message.ShouldBe("Dự 1/3 buổi (33%), dưới mức tối thiểu 80% của khóa học.");
        var dung = result.NotQualified.Single(p => p.Name == "Phạm Văn Dũng");
        dung.AttendancePercent.ShouldBe(100);
        dung.Reasons.Select(r => (r.Code, r.Message)).ShouldBe([("assessment_failed", "Không đạt đánh giá cuối khóa.")]);
        result.NotQualified.Single(p => p.Name == "Đỗ Thị Em").Reasons.Select(r => (r.Code, r.Message))
            .ShouldBe([("not_assessed", "Chưa có kết quả đánh giá cuối khóa.")]);

        var again = await (await coordinator.PostAsync(IssueCertificates.For(course.Id), null)).ReadAsync<IssueCertificatesResult>();
        again.Issued.ShouldBe(0);
        again.NotQualified.Count.ShouldBe(3, "issuing again still says who did not qualify");
    }

    [ApiFact]
    public async Task Given_a_running_course_or_a_caller_without_the_right_When_issuing_Then_409_or_403_or_404()
    {
        var partnerId = await PartnerAsync(api, Unique("Sở Khoa học và Công nghệ "));
        var running = await CourseAsync(api, partnerId, CourseStatus.Running, 2, Holder);
        var coordinator = await api.LoginAsync(Coordinator);
        await (await coordinator.PostAsync(IssueCertificates.For(running.Id), null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "course_not_completed");

        var (completed, _) = await CompletedCourseAsync();
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        await (await officer.PostAsync(IssueCertificates.For(completed.Id), null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await coordinator.PostAsync(IssueCertificates.For(Guid.NewGuid()), null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [ApiFact]
    public async Task Given_an_issued_certificate_When_downloading_the_pdf_Then_an_a4_landscape_pdf_with_the_embedded_font_the_names_and_the_verification_link()
    {
        var (course, _) = await CompletedCourseAsync();
        var coordinator = await api.LoginAsync(Coordinator);
        var certificate = (await (await coordinator.PostAsync(IssueCertificates.For(course.Id), null)).ReadAsync<IssueCertificatesResult>())
            .Certificates.ShouldHaveSingleItem();

        var holder = await api.LoginAsync(Member);
        var response = await holder.GetAsync(GetCertificatePdf.For(certificate.Id));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");

        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        document.PageCount.ShouldBe(1);
        var page = document.Pages[0];
        page.Width.Point.ShouldBeGreaterThan(page.Height.Point, "landscape");
        Math.Round(page.Width.Millimeter).ShouldBe(297);
        var objects = document.Internals.GetAllObjects();
        var dictionaries = objects.OfType<PdfDictionary>().ToList();
        dictionaries.ShouldContain(d => d.Elements.ContainsKey("/FontFile2"), "the TrueType font is embedded");
        dictionaries.ShouldContain(d => (d.Elements.GetName("/BaseFont") ?? "").Contains("DejaVu"));
        // The ToUnicode maps of the embedded fonts carry the Vietnamese letters drawn: "ễ" (U+1EC5) of "Nguyễn", "Ệ" of "NGHIỆP"…
        var cmaps = dictionaries.Where(d => d.Stream is not null)
            .Select(d => Encoding.ASCII.GetString(d.Stream.UnfilteredValue)).Where(s => s.Contains("beginbf")).ToList();
        cmaps.ShouldNotBeEmpty();
        string.Concat(cmaps).ToUpperInvariant().ShouldContain("1EC5", customMessage: "ễ of Nguyễn is drawn with a glyph mapped back to Unicode");
        // The QR code's payload is the public verification URL, also a link over the code.
        Encoding.Latin1.GetString(pdf).ShouldContain($"/verify/{VerificationCode(certificate)}");
        certificate.VerifyUrl.ShouldEndWith($"/verify/{VerificationCode(certificate)}");
    }

    [ApiFact]
    public async Task Given_an_issued_certificate_When_others_ask_for_the_pdf_Then_only_the_holder_coordinator_own_partner_and_unit_officers_get_it()
    {
        var (course, _) = await CompletedCourseAsync(PartnerStaff);
        var coordinator = await api.LoginAsync(Coordinator);
        var id = (await (await coordinator.PostAsync(IssueCertificates.For(course.Id), null)).ReadAsync<IssueCertificatesResult>()).Certificates.Single().Id;

        (await coordinator.GetAsync(GetCertificatePdf.For(id))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await api.LoginAsync(PartnerStaff)).GetAsync(GetCertificatePdf.For(id))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await api.LoginAsync(Users.VanLamOfficer)).GetAsync(GetCertificatePdf.For(id))).StatusCode.ShouldBe(HttpStatusCode.OK, "the holder's district");
        await (await (await api.LoginAsync(Users.MyHaoOfficer)).GetAsync(GetCertificatePdf.For(id))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await api.CreateClient().GetAsync(GetCertificatePdf.For(id))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // Another agency's staff: the course is not theirs.
        await PartnerAsync(api, Unique("Trung tâm đào tạo "), PartnerStaff);
        await (await (await api.LoginAsync(PartnerStaff)).GetAsync(GetCertificatePdf.For(id))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [ApiFact]
    public async Task Given_a_certificate_When_verified_anonymously_revoked_and_verified_again_Then_only_the_public_fields_and_the_status()
    {
        var (course, _) = await CompletedCourseAsync();
        var coordinator = await api.LoginAsync(Coordinator);
        var certificate = (await (await coordinator.PostAsync(IssueCertificates.For(course.Id), null)).ReadAsync<IssueCertificatesResult>()).Certificates.Single();
        var anonymous = api.CreateClient();
        var url = VerifyCertificate.For(VerificationCode(certificate));

        var body = await (await anonymous.GetAsync(url)).Content.ReadAsStringAsync();
        var json = JsonDocument.Parse(body).RootElement;
        json.EnumerateObject().Select(p => p.Name).Order().ShouldBe(["completedOn", "courseTitle", "holderName", "number", "partnerName", "revokedOn", "status"]);
        var valid = JsonSerializer.Deserialize<CertificateVerification>(body, Support.Http.Json)!;
        valid.Status.ShouldBe(CertificateStatus.Valid);
        valid.HolderName.ShouldBe("Nguyễn Thị Hồng Nhung");
        valid.Number.ShouldBe(certificate.Number);
        valid.RevokedOn.ShouldBeNull();
        body.ShouldNotContain(Member, customMessage: "no e-mail on the public page");

        await (await coordinator.PostJsonAsync(RevokeCertificate.For(certificate.Id), new { reason = "" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await (await api.LoginAsync(Users.VanLamOfficer)).PostJsonAsync(RevokeCertificate.For(certificate.Id), new { reason = "Nhầm" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var revoked = await (await coordinator.PostJsonAsync(RevokeCertificate.For(certificate.Id), new { reason = "Cấp nhầm người" })).ReadAsync<CertificateView>();
        revoked.RevokedAt.ShouldNotBeNull();
        revoked.RevocationReason.ShouldBe("Cấp nhầm người");
        await (await coordinator.PostJsonAsync(RevokeCertificate.For(certificate.Id), new { reason = "Lần nữa" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "certificate_revoked");

        var trail = await (await (await api.LoginAsync(Users.Leader)).GetAsync($"/api/v1/audit?entityType=Certificate&entityId={certificate.Id}"))
            .ReadAsync<JsonElement>();
        var revocation = trail.GetProperty("items").EnumerateArray().First(e => e.GetProperty("action").GetString() == "Updated");
        revocation.GetProperty("userEmail").GetString().ShouldBe(Coordinator, "the revocation is audited");
        revocation.GetProperty("changes").EnumerateArray().ShouldContain(c => c.GetProperty("field").GetString() == "revocationReason");

        var after = await (await anonymous.GetAsync(url)).ReadAsync<CertificateVerification>();
        after.Status.ShouldBe(CertificateStatus.Revoked);
        after.RevokedOn.ShouldNotBeNull();

        await (await anonymous.GetAsync(VerifyCertificate.For("khong-co-ma-nay-0123456789abc"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [ApiFact]
    public async Task Given_certificates_of_a_member_When_they_list_their_own_Then_they_see_theirs_only()
    {
        var (course, _) = await CompletedCourseAsync(null, new Participant("Trần Văn Bình", "binh@example.vn", "VANLAM", CompletionResult.Completed));
        var coordinator = await api.LoginAsync(Coordinator);
        await coordinator.PostAsync(IssueCertificates.For(course.Id), null);

        var mine = await (await (await api.LoginAsync(Member)).GetAsync(MyCertificates.Route)).ReadAsync<List<CertificateView>>();
        mine.ShouldContain(c => c.CourseId == course.Id && c.HolderName == Holder.Name);
        mine.ShouldAllBe(c => c.HolderName == Holder.Name);
        var others = await (await (await api.LoginAsync(Users.MyHaoOfficer)).GetAsync(MyCertificates.Route)).ReadAsync<List<CertificateView>>();
        others.ShouldBeEmpty();
    }

    [ApiFact]
    public async Task Given_certificates_issued_When_the_holder_opens_their_notifications_Then_one_notice_names_the_certificate_even_after_issuing_again()
    {
        // #16: "no notification when a certificate is issued".
        var (course, _) = await CompletedCourseAsync();
        var coordinator = await api.LoginAsync(Coordinator);
        var number = (await (await coordinator.PostAsync(IssueCertificates.For(course.Id), null)).ReadAsync<IssueCertificatesResult>()).Certificates.Single().Number;
        await coordinator.PostAsync(IssueCertificates.For(course.Id), null);

        var holder = await api.LoginAsync(Member);
        var notices = await Notices.WaitForAsync(holder, p => p.Items.Any(n => n.Kind == "certificate.issued" && n.Text.Contains(number)), "the certificate notice");
        var notice = notices.Items.Where(n => n.Kind == "certificate.issued" && n.Text.Contains(number)).ShouldHaveSingleItem("issuing again issues nothing new, and says nothing new");
        notice.Link.ShouldBe("/training/my");
        notice.Text.ShouldContain(course.Code);
    }
}
