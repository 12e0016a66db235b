using System.Net;
using Khcn.BuildingBlocks.Contracts;
using Khcn.IntegrationTests.Participation;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Khcn.Organization.Features.Policies;
using Khcn.Participation.Features.Topics;
using Khcn.Platform.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Khcn.IntegrationTests.Search.AttachmentSearchTests;

namespace Khcn.IntegrationTests.Search;

/// <summary>
/// A policy's file and a research topic's proposal document can be removed (issue #15 §2): by those who may upload them,
/// 404 outside the scope, If-Match on the parent record, audited, and gone from the search through the outbox.
/// </summary>
public sealed class AttachmentRemovalTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string LacHong = "VANLAM-DETMAYLACHONG";

    private static Task<HttpResponseMessage> DeleteAsync(HttpClient client, string url, long? version)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, url);
        if (version is { } v) request.Headers.TryAddWithoutValidation("If-Match", $"\"{v}\"");
        return client.SendAsync(request);
    }

    private Task<Guid> UnitAsync(string code) => api.InScopeAsync(sp =>
        sp.GetRequiredService<OrganizationDbContext>().Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    [ApiFact]
    public async Task Given_a_DOCX_on_a_Van_Lam_policy_When_its_manager_deletes_it_with_If_Match_Then_My_Hao_gets_404_a_stale_tag_412_and_the_search_loses_its_words()
    {
        var vanLam = await UnitAsync("VANLAM");
        var policyId = await api.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrganizationDbContext>();
            var policy = PolicyDocument.Create(vanLam, new PolicyDetails("78/TEST", "Hướng dẫn kiểm thử xoá tệp đính kèm", "Kiểm thử",
                new DateOnly(2025, 1, 2), new DateOnly(2025, 1, 2), null, null, null));
            db.Policies.Add(policy);
            await db.SaveChangesAsync();
            return policy.Id;
        });
        var board = await api.LoginAsync(Users.PolicyLaw);
        var uploaded = await UploadAsync(board, UploadPolicyAttachment.Route.Replace("{id}", policyId.ToString()),
            DocxWith("Phụ lục: định mức Khoátrịnhmiên cho sáng kiến cấp huyện."), "phu-luc.docx", Docx);
        uploaded.StatusCode.ShouldBe(HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync());
        var policy = await uploaded.ReadAsync<PolicyDetail>();
        var attachment = policy.Attachments.ShouldHaveSingleItem();
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        await EventuallyAsync(officer, "khoatrinhmien", r => r.Total == 1, "the policy indexed with its file's text");

        var url = DeletePolicyAttachment.Route.Replace("{id}", policyId.ToString()).Replace("{attachmentId}", attachment.Id.ToString());
        // Someone who manages policies, but in Mỹ Hào: the Văn Lâm document does not exist for them.
        var email = $"quantri.myhao.{Guid.NewGuid():N}@hungyen.demo";
        (await (await api.LoginAsync(Users.Admin)).PostJsonAsync(Khcn.Platform.Features.Users.CreateUser.Route, new
        {
            email, fullName = "Quản trị Mỹ Hào", password = "Demo@2025!x",
            grants = new[] { new { role = "admin", unitId = await UnitAsync("MYHAO") } },
        })).IsSuccessStatusCode.ShouldBeTrue();
        await (await DeleteAsync(await api.LoginAsync(email, "Demo@2025!x"), url, policy.Version)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await DeleteAsync(officer, url, policy.Version)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "a district officer reads policies, does not manage them");
        await (await DeleteAsync(board, url, null)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await DeleteAsync(board, url, policy.Version - 1)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        (await DeleteAsync(board, url, policy.Version)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var after = await (await board.GetAsync(GetPolicy.For(policyId))).ReadAsync<PolicyDetail>();
        after.Attachments.ShouldBeEmpty();
        after.Version.ShouldBeGreaterThan(policy.Version);
        (await board.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await EventuallyAsync(officer, "khoatrinhmien", r => r.Total == 0, "the policy republished without the removed file");

        var trail = await (await (await api.LoginAsync(Users.Admin)).GetAsync($"{ListAudit.Route}?entityType=PolicyAttachment&entityId={attachment.Id}"))
            .ReadAsync<PagedResult<AuditEntryView>>();
        trail.Items.ShouldContain(e => e.Action == "Deleted" && e.UserEmail == Users.PolicyLaw);
    }

    [ApiFact]
    public async Task Given_a_proposal_document_on_a_draft_topic_When_the_proposer_deletes_it_Then_the_topic_is_no_longer_found_by_its_words_and_My_Hao_gets_404()
    {
        var province = await api.LoginAsync(Users.PolicyLaw);
        var call = await TopicTests.CallAsync(province, "Đặt hàng kiểm thử xoá thuyết minh", DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(30));
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var lacHong = await UnitAsync(LacHong);
        var lead = await TopicTests.OfficialAsync(officer, lacHong, "Chủ nhiệm xoá thuyết minh");
        var member = await TopicTests.OfficialAsync(officer, lacHong, "Thành viên xoá thuyết minh");
        var created = await officer.PostJsonAsync(ProposeTopic.Route, TopicTests.Proposal(call.Id, lacHong, "Đề tài kiểm thử xoá thuyết minh", lead, [member]));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var topicId = (await created.ReadAsync<TopicDetail>()).Id;
        var uploaded = await UploadAsync(officer, UploadTopicAttachment.Route.Replace("{id}", topicId.ToString()),
            PdfWith("Thuyết minh: mô hình Phụngtuyếtlâm cho tổ cắt."), "thuyet-minh.pdf", "application/pdf");
        uploaded.StatusCode.ShouldBe(HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync());
        var topic = await uploaded.ReadAsync<TopicDetail>();
        var attachment = topic.Attachments.ShouldHaveSingleItem();
        await EventuallyAsync(officer, "phungtuyetlam", r => r.Total == 1, "the topic indexed with its proposal's text");

        var url = DeleteTopicAttachment.Route.Replace("{id}", topicId.ToString()).Replace("{attachmentId}", attachment.Id.ToString());
        await (await DeleteAsync(await api.LoginAsync(Users.MyHaoOfficer), url, topic.Version)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await DeleteAsync(officer, url, null)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await DeleteAsync(officer, url, topic.Version - 1)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await DeleteAsync(officer, url.Replace(attachment.Id.ToString(), Guid.NewGuid().ToString()), topic.Version))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);

        (await DeleteAsync(officer, url, topic.Version)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await (await officer.GetAsync(TopicViews.For(topicId))).ReadAsync<TopicDetail>()).Attachments.ShouldBeEmpty();
        await EventuallyAsync(officer, "phungtuyetlam", r => r.Total == 0, "the topic republished without the removed file");
        var trail = await (await (await api.LoginAsync(Users.Admin)).GetAsync($"{ListAudit.Route}?entityType=TopicAttachment&entityId={attachment.Id}"))
            .ReadAsync<PagedResult<AuditEntryView>>();
        trail.Items.ShouldContain(e => e.Action == "Deleted" && e.UserEmail == Users.VanLamOfficer);
    }
}
