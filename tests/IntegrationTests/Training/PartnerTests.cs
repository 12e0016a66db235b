using System.Net;
using System.Net.Http.Json;
using Khcn.BuildingBlocks.Contracts;
using Khcn.IntegrationTests.Support;
using Khcn.Training.Features.Courses;
using Khcn.Training.Features.Partners;
using static Khcn.IntegrationTests.Training.CourseTesting;

namespace Khcn.IntegrationTests.Training;

public sealed class PartnerTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [ApiFact]
    public async Task Given_partner_agencies_When_searching_without_diacritics_Then_found_and_partner_staff_see_only_their_own()
    {
        var coordinator = await api.LoginAsync(Coordinator);
        var partner = await api.LoginAsync(UniversityStaff);

        var found = await (await coordinator.GetAsync($"{ListPartners.Route}?q=su%20pham%20ky%20thuat")).ReadAsync<PagedResult<PartnerListItem>>();
        var mine = await (await partner.GetAsync($"{ListPartners.Route}?pageSize=200")).ReadAsync<PagedResult<PartnerListItem>>();
        var all = await (await coordinator.GetAsync($"{ListPartners.Route}?pageSize=200")).ReadAsync<PagedResult<PartnerListItem>>();
        var department = all.Items.Single(p => p.Name == Department);

        found.Items.ShouldHaveSingleItem().Name.ShouldBe(University);
        mine.Items.ShouldHaveSingleItem().Name.ShouldBe(University);
        all.Items.Count.ShouldBeGreaterThanOrEqualTo(2);
        await (await partner.GetAsync(GetPartner.For(department.Id))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var own = await (await partner.GetAsync(GetPartner.For(mine.Items[0].Id))).ReadAsync<PartnerDetail>();
        own.Members.Select(m => m.Email).ShouldContain(UniversityStaff);
        own.Instructors.ShouldNotBeEmpty();
    }

    [ApiFact]
    public async Task Given_a_partner_user_When_reading_union_data_or_another_partners_course_Then_nothing_is_revealed()
    {
        var coordinator = await api.LoginAsync(Coordinator);
        var partner = await api.LoginAsync(UniversityStaff);
        var departmentCourse = await CourseByCodeAsync(coordinator, "SKHCN-SHTT-04");

        var units = await partner.GetAsync("/api/v1/organization/units");
        var course = await partner.GetAsync(GetCourse.For(departmentCourse.Id));
        var sessions = await partner.GetAsync(Url(Khcn.Training.Features.Sessions.ListSessions.Route, departmentCourse.Id));
        var catalogue = await (await partner.GetAsync($"{ListCourses.Route}?q=SKHCN")).ReadAsync<PagedResult<CourseListItem>>();

        units.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.OK);
        if (units.StatusCode == HttpStatusCode.OK)
            (await units.ReadAsync<PagedResult<object>>()).Items.ShouldBeEmpty();
        await course.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await sessions.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        catalogue.Items.ShouldBeEmpty();
    }

    [ApiFact]
    public async Task Given_the_coordinator_When_registering_and_updating_a_partner_Then_If_Match_guards_and_partner_staff_cannot()
    {
        var coordinator = await api.LoginAsync(Coordinator);
        var partner = await api.LoginAsync(UniversityStaff);
        var body = new { name = "Trung tâm Đào tạo Công đoàn " + NewCode("P"), kind = "TrainingCentre", agreementNumber = "01/TT", agreementSignedOn = "2025-01-01", agreementValidUntil = "2026-12-31" };

        var created = await coordinator.PostJsonAsync(CreatePartner.Route, body);
        var detail = await created.ReadAsync<PartnerDetail>();
        var duplicate = await coordinator.PostJsonAsync(CreatePartner.Route, body);
        var byPartner = await partner.PostJsonAsync(CreatePartner.Route, body with { name = "Khác" });
        var badDates = await coordinator.PostJsonAsync(CreatePartner.Route, body with { name = "Ngày sai", agreementValidUntil = "2024-01-01" });
        var noIfMatch = await coordinator.PutAsJsonAsync(GetPartner.For(detail.Id), body);
        var updated = await PutAsync(coordinator, detail.Id, body with { agreementNumber = "02/TT" }, detail.Version);
        var stale = await PutAsync(coordinator, detail.Id, body, detail.Version);

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        await duplicate.ShouldBeProblemAsync(HttpStatusCode.Conflict, "partner_name_taken");
        await byPartner.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await badDates.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await noIfMatch.ShouldBeProblemAsync((HttpStatusCode)428);
        (await updated.ReadAsync<PartnerDetail>()).AgreementNumber.ShouldBe("02/TT");
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [ApiFact]
    public async Task Given_users_When_linked_to_an_agency_Then_only_active_partner_users_and_one_agency_each()
    {
        var coordinator = await api.LoginAsync(Coordinator);
        var university = await PartnerAsync(coordinator, University);
        var department = await PartnerAsync(coordinator, Department);
        var members = (Guid id) => Url(LinkPartnerMember.Route, id);

        var unknown = await coordinator.PostJsonAsync(members(department.Id), new { email = "khong.ton.tai@hungyen.demo" });
        var notPartner = await coordinator.PostJsonAsync(members(department.Id), new { email = Users.VanLamOfficer });
        var elsewhere = await coordinator.PostJsonAsync(members(department.Id), new { email = UniversityStaff });
        var again = await coordinator.PostJsonAsync(members(university.Id), new { email = UniversityStaff });
        var staff = await PartnerStaffOfAsync(api, Department, "sokhcn.link@hungyen.demo");
        var seesDepartment = await staff.GetAsync(GetPartner.For(department.Id));
        var detail = await seesDepartment.ReadAsync<PartnerDetail>();
        var userId = detail.Members.Single(m => m.Email == "sokhcn.link@hungyen.demo").UserId;
        var unlink = await coordinator.DeleteAsync($"{Url(LinkPartnerMember.Route, department.Id)}/{userId}");
        var afterUnlink = await (await api.LoginAsync("sokhcn.link@hungyen.demo", Password)).GetAsync(GetPartner.For(department.Id));

        (await unknown.ShouldBeProblemAsync((HttpStatusCode)422, "unknown_user")).GetProperty("errors").GetProperty("email").GetArrayLength().ShouldBe(1);
        await notPartner.ShouldBeProblemAsync((HttpStatusCode)422, "not_partner_user");
        await elsewhere.ShouldBeProblemAsync(HttpStatusCode.Conflict, "partner_member_elsewhere");
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        unlink.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await afterUnlink.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [ApiFact]
    public async Task Given_instructors_When_kept_by_the_partner_or_the_coordinator_Then_another_partner_gets_404()
    {
        var coordinator = await api.LoginAsync(Coordinator);
        var partner = await api.LoginAsync(UniversityStaff);
        var university = await PartnerAsync(coordinator, University);
        var department = await PartnerAsync(coordinator, Department);

        var byStaff = await partner.PostJsonAsync(Url(CreateInstructor.Route, university.Id), new { fullName = "TS. Vũ Văn Nam", expertise = "Cơ khí" });
        var instructor = await byStaff.ReadAsync<InstructorView>();
        var byCoordinator = await coordinator.PostJsonAsync(Url(CreateInstructor.Route, department.Id), new { fullName = "ThS. Hoàng Thu Hà" });
        var intoOther = await partner.PostJsonAsync(Url(CreateInstructor.Route, department.Id), new { fullName = "Không được" });
        using var put = new HttpRequestMessage(HttpMethod.Put, $"{Url(CreateInstructor.Route, university.Id)}/{instructor.Id}")
        {
            Content = JsonContent.Create(new { fullName = "PGS.TS. Vũ Văn Nam", expertise = "Cơ khí chế tạo" }),
        };
        put.Headers.TryAddWithoutValidation("If-Match", $"\"{instructor.Version}\"");
        var updated = await (await partner.SendAsync(put)).ReadAsync<InstructorView>();

        byStaff.StatusCode.ShouldBe(HttpStatusCode.Created);
        byCoordinator.StatusCode.ShouldBe(HttpStatusCode.Created);
        await intoOther.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        updated.FullName.ShouldBe("PGS.TS. Vũ Văn Nam");
    }

    [ApiFact]
    public async Task Given_an_agreement_file_When_uploaded_Then_it_is_recognised_by_content_and_downloads_for_the_agency_only()
    {
        var coordinator = await api.LoginAsync(Coordinator);
        var university = await PartnerAsync(coordinator, University);
        var department = await PartnerAsync(coordinator, Department);
        var pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
        var url = Url(UploadPartnerAgreement.Route, university.Id);

        var disguised = await UploadAsync(coordinator, url, System.Text.Encoding.ASCII.GetBytes("MZ\x90\0 not a pdf"), "thoa-thuan.pdf");
        var byPartner = await UploadAsync(await api.LoginAsync(UniversityStaff), url, pdf, "thoa-thuan.pdf");
        var uploaded = await UploadAsync(coordinator, url, pdf, "thoa-thuan-2025.pdf");
        var detail = await uploaded.ReadAsync<PartnerDetail>();
        var byOwnStaff = await (await api.LoginAsync(UniversityStaff)).GetAsync(url);
        var other = await PartnerStaffOfAsync(api, Department, "sokhcn.file@hungyen.demo");
        var byOtherPartner = await other.GetAsync(url);
        var none = await coordinator.GetAsync(Url(UploadPartnerAgreement.Route, department.Id));

        await disguised.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await byPartner.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        uploaded.StatusCode.ShouldBe(HttpStatusCode.Created);
        detail.AgreementFile!.FileName.ShouldBe("thoa-thuan-2025.pdf");
        detail.AgreementFile.ContentType.ShouldBe("application/pdf");
        byOwnStaff.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await byOwnStaff.Content.ReadAsByteArrayAsync()).ShouldBe(pdf);
        await byOtherPartner.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await none.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, byte[] bytes, string fileName)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        return await client.PostAsync(url, form);
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, Guid id, object body, long version)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, GetPartner.For(id)) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return await client.SendAsync(request);
    }
}
