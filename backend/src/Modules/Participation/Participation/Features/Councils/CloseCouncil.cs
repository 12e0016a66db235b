using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Messaging;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Khcn.Participation.Features.Initiatives;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Councils;

/// <summary>
/// The council's secretary closes it and it decides every item (Circular 18/2013/TT-BKHCN art. 8(1)): recognised when at
/// least two thirds of ALL its members agree, else not recognised, with the tally as the reason. Refused before every
/// item has its quorum (409 <c>council_quorum</c>) and once closed (409 <c>council_closed</c>). A recognised initiative
/// takes the council's findings and goes through the one recognition path (certificate number, remuneration rules,
/// <c>InitiativeRecognised</c>); the members and the filers are notified of the result.
/// A research-topic council decides on points instead: each topic's average weighted score (rule set DT-2024.1, a house
/// rule) against the call's threshold at selection, or the rating bands at acceptance; the topics move accordingly.
/// An emulation council (commendation proposals) passes each proposal whose agreeing members reach its form's share
/// of ALL seated members (a simple majority unless the catalogue says otherwise); the proposers are notified, and the
/// deciding unit may then approve the passed proposals.
/// </summary>
public sealed record CloseCouncil : Mediator.ICommand
{
    public const string Route = "/api/v1/participation/councils/{id}/close";
    public Guid Id { get; init; }
    /// <summary>Number of the recognition decision, e.g. "12/QĐ-CĐCS"; each recognised initiative's certificate takes it (with "-n" in a batch).</summary>
    public string DecisionNumber { get; init; } = "";
    public DateOnly DecisionDate { get; init; }
}

internal sealed class CloseCouncilValidator : AbstractValidator<CloseCouncil>
{
    public CloseCouncilValidator()
    {
        RuleFor(x => x.DecisionNumber).NotEmpty().MaximumLength(45);
        RuleFor(x => x.DecisionDate).NotEmpty();
    }
}

internal sealed class CloseCouncilHandler(ParticipationDbContext db, ParticipationAccess access, TimeProvider clock) : Mediator.ICommandHandler<CloseCouncil>
{
    public async ValueTask<Unit> Handle(CloseCouncil command, CancellationToken ct)
    {
        await Concurrency.RetryAsync(db, async () =>
        {
            var council = await access.CouncilAsync(command.Id, ct);
            if (access.SeatOn(council)?.Role != CouncilRole.Secretary)
                throw new ForbiddenException(Localized.Text("Only the council's secretary closes it.", "Chỉ Ủy viên thư ký Hội đồng được kết thúc phiên họp."));
            var now = clock.GetUtcNow().UtcDateTime;
            var judging = await CouncilItems.JudgingAsync(db, council, ct);
            council.Close(command.DecisionNumber, command.DecisionDate, access.Actor.Name, now, judging);
            if (council.ItemKind == CouncilItemKind.Commendation) await ApplyToProposalsAsync(council, ct);
            else if (judging is null) await ApplyAsync(council, command.DecisionNumber.Trim(), command.DecisionDate, now, ct);
            else await ApplyToTopicsAsync(council, judging, command.DecisionNumber.Trim(), command.DecisionDate, now, ct);
            return true;
        }, ScoreCouncilItemHandler.Busy, ct);
        return Unit.Value;
    }

    private async Task ApplyAsync(Council council, string decisionNumber, DateOnly decisionDate, DateTime now, CancellationToken ct)
    {
        var byCouncil = new Actor(null, $"Hội đồng sáng kiến \"{council.Name}\"");
        var recognisedCount = 0;
        var link = CouncilViews.For(council.Id).Replace("/api/v1/participation", "/participation", StringComparison.Ordinal);
        foreach (var item in council.Items.OrderBy(i => i.Order))
        {
            var initiative = await db.Initiatives.IgnoreQueryFilters().Include(i => i.Authors).Include(i => i.Conditions).AsSplitQuery()
                .FirstAsync(i => i.Id == item.ItemId, ct);
            var findings = council.Findings(item);
            var needed = item.Needed ?? CouncilRules.AgreementNeeded(council.Members.Count);
            initiative.RecordCouncilFindings(findings.Select(f => (Enum.Parse<RecognitionCondition>(f.Criterion), f.Met >= needed,
                (string?)Trim($"{f.Met}/{council.Members.Count} thành viên đánh giá đạt. {string.Join("; ", f.Notes)}"))).ToList(), byCouncil, now);
            var tally = $"{item.Agree}/{council.Members.Count} thành viên đồng ý (cần ít nhất {needed}; {CouncilRules.DecisionBasis})";
            if (item.Outcome == CouncilItemOutcome.Recognised)
            {
                recognisedCount++;
                var certificate = council.Items.Count == 1 ? decisionNumber : $"{decisionNumber}-{recognisedCount:00}";
                await RecognitionPath.RecogniseAsync(db, initiative, certificate, decisionDate, byCouncil, now, byCouncil: true, ct);
            }
            else
            {
                var unmet = findings.Where(f => f.Met < needed).Select(f => InitiativeViews.LegalBasisOf(Enum.Parse<RecognitionCondition>(f.Criterion)));
                initiative.Refuse(Trim($"Hội đồng sáng kiến \"{council.Name}\": {tally}." +
                    (unmet.Any() ? $" Điều kiện chưa đạt: {string.Join("; ", unmet)}." : "")), decisionDate, byCouncil, now, byCouncil: true);
                if (initiative.FiledByEmail is { } filer)
                    db.Notify(NoticeTarget.Person(filer), new Notice($"council:{council.Id}:result:{item.ItemId}:{filer}", "council.result",
                        $"Sáng kiến \"{item.Title}\" không được công nhận: {tally}.", link,
                        new Dictionary<string, string>
                        {
                            ["title"] = item.Title, ["outcome"] = item.Outcome.ToString(), ["tally"] = tally,
                            ["agree"] = $"{item.Agree}", ["members"] = council.Members.Count.ToString(), ["needed"] = needed.ToString(),
                        }));
            }
            db.Entry(initiative).State = EntityState.Modified;
        }
        var summary = string.Join("; ", council.Items.Select(i => $"\"{i.Title}\": {(i.Outcome == CouncilItemOutcome.Recognised ? "được công nhận" : "không được công nhận")} ({i.Agree}/{council.Members.Count})"));
        foreach (var m in council.Members)
            db.Notify(NoticeTarget.Person(m.Email!), new Notice($"council:{council.Id}:closed:{m.Email}", "council.closed",
                Trim($"Hội đồng \"{council.Name}\" đã kết thúc phiên họp: {summary}."), link,
                new Dictionary<string, string> { ["council"] = council.Name, ["recognised"] = recognisedCount.ToString(), ["items"] = council.Items.Count.ToString(), ["summary"] = Short(summary) }));
    }

    /// <summary>
    /// A topic council's result moves each topic: selected / not selected on the call's threshold, or accepted with its
    /// rating band (Xuất sắc / Khá / Đạt) / not accepted (Không đạt). The lead, the filer's unit and the members are told.
    /// </summary>
    private async Task ApplyToTopicsAsync(Council council, TopicJudging judging, string decisionNumber, DateOnly decisionDate, DateTime now, CancellationToken ct)
    {
        var byCouncil = new Actor(null, $"Hội đồng {(council.ItemKind == CouncilItemKind.TopicSelection ? "tuyển chọn" : "nghiệm thu")} \"{council.Name}\"");
        var link = CouncilViews.For(council.Id).Replace("/api/v1/participation", "/participation", StringComparison.Ordinal);
        var results = new List<string>();
        foreach (var item in council.Items.OrderBy(i => i.Order))
        {
            var topic = await db.ResearchTopics.IgnoreQueryFilters().Include(t => t.Steps).FirstAsync(t => t.Id == item.ItemId, ct);
            var average = item.AverageScore!.Value;
            string result;
            if (council.ItemKind == CouncilItemKind.TopicSelection)
            {
                var selected = item.Outcome == CouncilItemOutcome.Recognised;
                topic.DecideSelection(selected, average, judging.Rules, decisionNumber, decisionDate, byCouncil, now);
                result = $"{(selected ? "được tuyển chọn" : "không được tuyển chọn")} ({average:0.00} điểm; ngưỡng {judging.PassMark:0.##})";
            }
            else
            {
                topic.DecideAcceptance(average, judging.Rules, decisionNumber, decisionDate, byCouncil, now);
                result = $"nghiệm thu xếp loại {TopicRules.RatingName(topic.Rating!.Value)} ({average:0.00} điểm)";
            }
            results.Add($"\"{item.Title}\": {result}");
            if (topic.LeadEmail is { } lead)
                db.Notify(NoticeTarget.Person(lead), new Notice($"council:{council.Id}:result:{item.ItemId}:{lead}", "topic.council-result",
                    Trim($"Đề tài \"{item.Title}\" {result}."), link,
                    new Dictionary<string, string> { ["title"] = item.Title, ["outcome"] = item.Outcome.ToString(), ["result"] = result }));
        }
        foreach (var m in council.Members)
            db.Notify(NoticeTarget.Person(m.Email!), new Notice($"council:{council.Id}:closed:{m.Email}", "council.closed",
                Trim($"Hội đồng \"{council.Name}\" đã kết thúc phiên họp: {string.Join("; ", results)}."), link,
                new Dictionary<string, string> { ["council"] = council.Name, ["items"] = council.Items.Count.ToString(), ["summary"] = Short(string.Join("; ", results)) }));
    }

    /// <summary>
    /// An emulation council's vote stays with the council (the proposal's decision reads it); each proposer — or, for a
    /// proposal filed without an e-mail, its unit — and each member is told the result in the same transaction.
    /// </summary>
    private async Task ApplyToProposalsAsync(Council council, CancellationToken ct)
    {
        var ids = council.Items.Select(i => i.ItemId).ToList();
        var proposals = await db.CommendationProposals.IgnoreQueryFilters().AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var results = new List<string>();
        foreach (var item in council.Items.OrderBy(i => i.Order))
        {
            var passed = item.Outcome == CouncilItemOutcome.Recognised;
            var result = $"{(passed ? "biểu quyết đạt" : "biểu quyết không đạt")} ({item.Agree}/{council.Members.Count} thành viên đồng ý, cần {item.Needed})";
            results.Add($"\"{item.Title}\": {result}");
            if (!proposals.TryGetValue(item.ItemId, out var p)) continue;
            var target = p.ProposedByEmail is { } email ? NoticeTarget.Person(email) : NoticeTarget.Unit(p.UnitId);
            db.Notify(target, new Notice($"council:{council.Id}:result:{item.ItemId}", "commendation.council_voted",
                Trim($"Hội đồng Thi đua – Khen thưởng \"{council.Name}\" đã biểu quyết đề nghị {item.Title}: {result}."),
                $"/participation/commendations/{p.Id}",
                new Dictionary<string, string>
                {
                    ["title"] = item.Title, ["outcome"] = item.Outcome.ToString(), ["council"] = council.Name, ["result"] = result,
                    ["agree"] = $"{item.Agree}", ["members"] = council.Members.Count.ToString(), ["needed"] = item.Needed?.ToString() ?? "",
                }));
        }
        var link = CouncilViews.For(council.Id).Replace("/api/v1/participation", "/participation", StringComparison.Ordinal);
        foreach (var m in council.Members)
            db.Notify(NoticeTarget.Person(m.Email!), new Notice($"council:{council.Id}:closed:{m.Email}", "council.closed",
                Trim($"Hội đồng \"{council.Name}\" đã kết thúc phiên họp: {string.Join("; ", results)}."), link,
                new Dictionary<string, string> { ["council"] = council.Name, ["items"] = council.Items.Count.ToString(), ["summary"] = Short(string.Join("; ", results)) }));
    }

    private static string Trim(string s) => s.Length <= 1900 ? s : s[..1900] + "…";

    /// <summary>A notice parameter stays short: the parameters are stored as JSON (non-ASCII escaped) in 4,000 characters.</summary>
    private static string Short(string s) => s.Length <= 400 ? s : s[..400] + "…";
}

internal sealed class CloseCouncilEndpoint(IMediator mediator) : ChangedEndpoint<CloseCouncil, CouncilDetail>(mediator)
{
    public override void Configure()
    {
        Post(CloseCouncil.Route);
        Policies(Permission.ParticipationRead);
        Summary(s => s.Summary = "The secretary closes the council: an initiative is recognised with ≥ 2/3 of all members agreeing; a research topic passes on its weighted average against the call's threshold (selection) or takes its rating band (acceptance) (409 council_quorum, council_closed)");
    }

    protected override IQuery<CouncilDetail> ReadBack(CloseCouncil command) => new GetCouncil { Id = command.Id };
}
