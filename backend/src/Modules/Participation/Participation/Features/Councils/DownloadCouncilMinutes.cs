using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Files;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Contracts;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Mediator;
using Microsoft.AspNetCore.Http;

namespace Khcn.Participation.Features.Councils;

/// <summary>
/// The minutes of a closed topic or initiative council as a workbook (issue 12: "a decision document … and a minutes
/// .xlsx"): sheet "Thành viên" — each member, their seat, present or absent, and the conflicts they declared; sheet
/// "Phiếu chấm" — each member's finding per criterion on each item (points and weight for a topic, met / not met for an
/// initiative's conditions) and their vote or weighted score; sheet "Kết quả" — per item the votes, the quorum, the
/// agreement needed or the weighted average against the pass mark, and the outcome. 409 <c>council_open</c> while the
/// council sits (as the decision); an emulation council's minutes are its .docx (404 here: it has no criteria).
/// </summary>
public sealed record DownloadCouncilMinutes : IQuery<GeneratedFile>
{
    public const string Route = "/api/v1/participation/councils/{id}/minutes.xlsx";
    public Guid Id { get; init; }
}

internal sealed class DownloadCouncilMinutesHandler(ParticipationDbContext db, ParticipationAccess access, IMediator mediator, TimeProvider clock)
    : IQueryHandler<DownloadCouncilMinutes, GeneratedFile>
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async ValueTask<GeneratedFile> Handle(DownloadCouncilMinutes query, CancellationToken ct)
    {
        var c = await access.CouncilAsync(query.Id, ct, tracked: false);
        if (c.ItemKind == CouncilItemKind.Commendation) throw new NotFoundException(Localized.Text("Council minutes", "biên bản chấm điểm của Hội đồng"), c.Id);
        if (c.Status != CouncilStatus.Closed)
            throw new BusinessRuleException("council_open", Localized.Text("The minutes exist once the council is closed.",
                "Biên bản chỉ có sau khi Hội đồng kết thúc phiên họp."));
        var judging = await CouncilItems.JudgingAsync(db, c, ct);
        var unit = (await mediator.Send(new GetUnitSummaries([c.UnitId]), ct)).FirstOrDefault();
        var members = c.Members.OrderBy(m => m.Order).ToList();
        var items = c.Items.OrderBy(i => i.Order).ToList();
        // Present: a member who scored or declared a conflict on some item (the council records no attendance of its own).
        bool Present(CouncilMember m) => c.Scores.Any(s => s.MemberId == m.Id) || c.Conflicts.Any(x => x.MemberId == m.Id);
        string ItemTitle(Guid councilItemId) => items.First(i => i.Id == councilItemId).Title;
        var kind = c.ItemKind switch
        {
            CouncilItemKind.TopicSelection => "HỘI ĐỒNG TUYỂN CHỌN ĐỀ TÀI",
            CouncilItemKind.TopicAcceptance => "HỘI ĐỒNG NGHIỆM THU ĐỀ TÀI",
            _ => "HỘI ĐỒNG SÁNG KIẾN",
        };
        var workbook = new ReportWorkbook(new ReportHeading(unit?.Name ?? "", $"BIÊN BẢN {kind} — {c.Name.ToUpperInvariant()}",
            $"Quyết định số {c.DecisionNumber} ngày {c.DecisionDate:dd/MM/yyyy}; {members.Count(Present)}/{members.Count} thành viên dự họp", clock.GetUtcNow()));

        workbook.Add("Thành viên", members.Select((m, n) => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["STT"] = n + 1,
            ["Họ và tên"] = m.FullName,
            ["Chức vụ"] = m.Position ?? "",
            ["Nhiệm vụ trong Hội đồng"] = FormCouncilHandler.RoleName(m.Role),
            ["Dự họp"] = Present(m) ? "Có mặt" : "Vắng",
            ["Xung đột lợi ích đã khai báo"] = string.Join("; ", c.Conflicts.Where(x => x.MemberId == m.Id)
                .Select(x => $"{ItemTitle(x.CouncilItemId)}: {x.Reason}")),
        }));

        var rows = new List<IReadOnlyDictionary<string, object?>>();
        foreach (var item in items)
        foreach (var m in members)
        {
            if (c.Conflicts.Any(x => x.MemberId == m.Id && x.CouncilItemId == item.Id))
            {
                rows.Add(ScoreRow(item.Title, m.FullName, "—", null, null, "", "Không chấm (xung đột lợi ích)"));
                continue;
            }
            if (c.ScoreOf(m, item) is not { } score)
            {
                rows.Add(ScoreRow(item.Title, m.FullName, "—", null, null, "", "Không chấm"));
                continue;
            }
            foreach (var f in score.Findings.OrderBy(f => Council.Criteria(c.ItemKind).ToList().IndexOf(f.Criterion)))
            {
                if (judging is not null)
                {
                    var criterion = Enum.Parse<TopicCriterion>(f.Criterion);
                    rows.Add(ScoreRow(item.Title, m.FullName, TopicRules.CriterionName(criterion), f.Points, judging.Rules.Weights[criterion], "", f.Note ?? ""));
                }
                else
                    rows.Add(ScoreRow(item.Title, m.FullName, DownloadCouncilDecisionHandler.ConditionName(Enum.Parse<RecognitionCondition>(f.Criterion)), null, null,
                        f.Met ? "Đạt" : "Không đạt", f.Note ?? ""));
            }
            rows.Add(judging is not null
                ? ScoreRow(item.Title, m.FullName, "Điểm có trọng số", Council.WeightedOf(score, judging.Rules), null, "", score.Comment ?? "")
                : ScoreRow(item.Title, m.FullName, "Biểu quyết", null, null, score.Agree ? "Đồng ý" : "Không đồng ý", score.Comment ?? ""));
        }
        workbook.Add("Phiếu chấm", rows);

        workbook.Add("Kết quả", items.Select((i, n) =>
        {
            var tally = c.Tally(i);
            var row = new Dictionary<string, object?>
            {
                ["STT"] = n + 1,
                ["Hồ sơ"] = i.Title,
                ["Số thành viên"] = tally.Members,
                ["Số phiếu"] = tally.Votes,
                ["Số phiếu tối thiểu (túc số)"] = tally.Quorum,
            };
            if (judging is not null)
            {
                row["Điểm trung bình có trọng số"] = i.AverageScore;
                row["Điểm đạt"] = judging.PassMark;
                row["Kết quả"] = c.ItemKind == CouncilItemKind.TopicSelection
                    ? i.Outcome == CouncilItemOutcome.Recognised ? "Được tuyển chọn" : "Không được tuyển chọn"
                    : TopicRules.RatingName(judging.Rules.RatingOf(i.AverageScore ?? 0));
                row["Căn cứ"] = $"Bộ tiêu chí {judging.Rules.Code} — {judging.Rules.LegalBasis}";
            }
            else
            {
                row["Đồng ý"] = tally.Agree;
                row["Số đồng ý cần đạt"] = tally.Needed;
                row["Kết quả"] = i.Outcome == CouncilItemOutcome.Recognised ? "Công nhận" : "Không công nhận";
                row["Căn cứ"] = CouncilRules.DecisionBasis;
            }
            return (IReadOnlyDictionary<string, object?>)row;
        }));

        var slug = new string((c.DecisionNumber ?? c.Id.ToString()).Select(ch => char.IsAsciiLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : '-').ToArray());
        return new GeneratedFile(workbook.ToXlsx(), $"bien-ban-hoi-dong-{slug}.xlsx", ContentType);
    }

    private static Dictionary<string, object?> ScoreRow(string item, string member, string criterion, decimal? points, decimal? weight, string finding, string note) => new()
    {
        ["Hồ sơ"] = item,
        ["Thành viên"] = member,
        ["Tiêu chí"] = criterion,
        ["Điểm"] = points,
        ["Trọng số"] = weight,
        ["Đánh giá"] = finding,
        ["Ghi chú"] = note,
    };
}

internal sealed class DownloadCouncilMinutesEndpoint(IMediator mediator) : GeneratedFileEndpoint<DownloadCouncilMinutes>(mediator)
{
    public override void Configure()
    {
        Get(DownloadCouncilMinutes.Route);
        Policies(Permission.ParticipationRead);
        Description(d => d.Produces(200, typeof(Stream), DownloadCouncilMinutesHandler.ContentType));
        Summary(s => s.Summary = "Download the minutes of a closed topic or initiative council as .xlsx: members present and conflicted, each member's scores per criterion (or votes), weighted average, quorum and outcome (409 council_open)");
    }
}
