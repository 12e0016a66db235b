using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Messaging;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Contracts;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Khcn.Participation.Features.Commendations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Councils;

/// <summary>A seat to fill: an official (picked, never typed) and their role.</summary>
public sealed record CouncilSeatInput
{
    public Guid OfficialId { get; init; }
    public CouncilRole Role { get; init; }
}

/// <summary>
/// The one council mechanism. For initiatives: the recognising unit's officer forms an evaluation council for one submitted initiative or a batch of the same unit
/// (Circular 18/2013/TT-BKHCN art. 8): chair, vice-chair, secretary, experts and a representative of the author's trade
/// union. Refused when an author would sit on it (409 <c>coi_author_member</c>), when the named head of the unit is an
/// author and sits on it (409 <c>coi_unit_head_author</c>), or when a seat is missing (409 <c>council_composition</c>).
/// The initiatives move to "under council review"; each member is notified.
/// For research topics (<c>TopicSelection</c>: submitted topics of one call, as a batch; <c>TopicAcceptance</c>: a topic
/// being carried out): the ordering unit (<c>participation.topics.manage</c> over the call's unit) forms it; the topic's
/// lead and members never sit on it (409 <c>coi_author_member</c>); no union representative is required; the topics
/// move to "under selection" / "under acceptance" (409 <c>topic_state</c> from any other state).
/// For commendation proposals (<c>Commendation</c>): the deciding unit's emulation council, which votes per proposal
/// (see <see cref="VoteOnCouncilItem"/>); a nominee may sit but does not vote on their own proposal.
/// </summary>
public sealed record FormCouncil : Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/participation/councils";
    public string Name { get; init; } = "";
    public CouncilItemKind ItemKind { get; init; } = CouncilItemKind.Initiative;
    /// <summary>The items to judge: submitted initiatives of one unit, or research topics of one call.</summary>
    public IReadOnlyList<Guid> ItemIds { get; init; } = [];
    /// <summary>The head of the recognising unit (an official), compared with the authors (art. 8(2)).</summary>
    public Guid? UnitHeadOfficialId { get; init; }
    public IReadOnlyList<CouncilSeatInput> Members { get; init; } = [];
}

internal sealed class FormCouncilValidator : AbstractValidator<FormCouncil>
{
    public FormCouncilValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(300);
        RuleFor(x => x.ItemKind).IsInEnum();
        RuleFor(x => x.ItemIds).NotEmpty().WithMessage("Choose the items to judge.", "Chọn hồ sơ cần xét.")
            .Must(i => i.Distinct().Count() == i.Count).WithMessage("Each item appears once.", "Mỗi hồ sơ chỉ chọn một lần.");
        RuleFor(x => x.Members).NotEmpty().WithMessage("Pick the members.", "Chọn thành viên Hội đồng.");
        RuleForEach(x => x.Members).ChildRules(m =>
        {
            m.RuleFor(x => x.OfficialId).NotEmpty();
            m.RuleFor(x => x.Role).IsInEnum();
        });
    }
}

internal sealed class FormCouncilHandler(ParticipationDbContext db, ParticipationAccess access, IMediator mediator, TimeProvider clock)
    : Mediator.ICommandHandler<FormCouncil, Guid>
{
    public async ValueTask<Guid> Handle(FormCouncil command, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var initiatives = new List<Initiative>();
        var topics = new List<ResearchTopic>();
        Guid unitId;
        List<CouncilItemCandidate> candidates;
        if (command.ItemKind == CouncilItemKind.Initiative)
        {
            foreach (var id in command.ItemIds) initiatives.Add(await access.ForDecisionAsync(id, ct));
            unitId = initiatives[0].UnitId;
            if (initiatives.Any(i => i.UnitId != unitId))
                throw new BusinessRuleException("council_items_units", Localized.Text("A council judges the initiatives of one recognising unit.",
                    "Một Hội đồng chỉ xét các sáng kiến của cùng một đơn vị xét công nhận."),
                    new Dictionary<string, string[]> { ["itemIds"] = [Localized.Text("Choose initiatives of one unit.", "Chọn sáng kiến của cùng một đơn vị.")] });
            candidates = initiatives.Select(i => new CouncilItemCandidate(CouncilItemKind.Initiative, i.Id, i.Title,
                i.Authors.Select(a => new ItemAuthor(a.FullName, a.Email)).ToList())).ToList();
        }
        else if (command.ItemKind == CouncilItemKind.Commendation)
            (unitId, candidates) = await CommendationCandidatesAsync(command.ItemIds, ct);
        else
        {
            // Research topics: the ordering unit (the call's) forms the council for topics of ONE call — a batch of
            // submitted proposals at selection, a topic being carried out at acceptance. The lead and members are the
            // "authors" the conflict-of-interest rules keep off the council.
            ResearchCall? call = null;
            foreach (var id in command.ItemIds)
            {
                var (topic, its) = await access.TopicForManagerAsync(id, ct);
                if (call is not null && its.Id != call.Id)
                    throw new BusinessRuleException("council_items_call", Localized.Text("A council judges the topics of one call.",
                        "Một Hội đồng chỉ xét các đề tài của cùng một đợt đặt hàng/tuyển chọn."),
                        new Dictionary<string, string[]> { ["itemIds"] = [Localized.Text("Choose topics of one call.", "Chọn đề tài của cùng một đợt.")] });
                call = its;
                topics.Add(topic);
            }
            unitId = call!.UnitId;
            candidates = topics.Select(t => new CouncilItemCandidate(command.ItemKind, t.Id, t.Title, t.People)).ToList();
        }

        var officialIds = command.Members.Select(m => m.OfficialId).Append(command.UnitHeadOfficialId ?? Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        var officials = (await mediator.Send(new GetOfficialsForNomination(officialIds), ct)).ToDictionary(o => o.Id);
        if (officialIds.FirstOrDefault(id => !officials.ContainsKey(id)) is var unknown && unknown != Guid.Empty)
            throw new NotFoundException(Localized.Text("Official", "cán bộ"), unknown);
        CouncilSeat Seat(Guid id, CouncilRole role) { var o = officials[id]; return new CouncilSeat(o.Id, o.FullName, o.Email, o.Position, role); }
        var seats = command.Members.Select(m => Seat(m.OfficialId, m.Role)).ToList();
        var head = command.UnitHeadOfficialId is { } h ? Seat(h, CouncilRole.Chair) : null;

        var council = Council.Form(unitId, command.Name, command.ItemKind, candidates, seats, head, access.Actor.Name, now);
        foreach (var i in initiatives) i.SendToCouncil();
        foreach (var t in topics) t.SendToCouncil(command.ItemKind, access.Actor, now);
        db.Councils.Add(council);
        var link = CouncilViews.For(council.Id).Replace("/api/v1/participation", "/participation", StringComparison.Ordinal);
        foreach (var m in council.Members)
            db.Notify(NoticeTarget.Person(m.Email!), new Notice($"council:{council.Id}:assigned:{m.Email}", "council.assigned",
                $"Bạn được cử làm {RoleName(m.Role)} Hội đồng \"{council.Name}\" xét {council.Items.Count} hồ sơ. Hãy chấm độc lập trước phiên họp.",
                link, new Dictionary<string, string> { ["council"] = council.Name, ["role"] = m.Role.ToString(), ["roleName"] = RoleName(m.Role), ["items"] = council.Items.Count.ToString() }));
        await Task.CompletedTask;
        return council.Id;
    }

    /// <summary>
    /// Commendation proposals (#13): the deciding unit — the proposing units' parent — forms its emulation council
    /// (Hội đồng Thi đua – Khen thưởng) over submitted proposals (404 outside the scope, 403 without the decide permission
    /// over the parent, 409 <c>proposal_state</c> unless submitted, <c>council_items_units</c> for proposals decided by two
    /// units, <c>council_item_taken</c> for a proposal before an open council or already passed). Each proposal's pass
    /// share is its form's, fixed now for the seats of this council.
    /// </summary>
    private async Task<(Guid UnitId, List<CouncilItemCandidate> Candidates)> CommendationCandidatesAsync(IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var proposals = new List<CommendationProposal>();
        foreach (var id in ids) proposals.Add(await access.ProposalAsync(id, ct, tracked: false));
        var units = (await mediator.Send(new GetUnitSummaries([.. proposals.Select(p => p.UnitId).Distinct()]), ct)).ToDictionary(u => u.Id);
        var parents = proposals.Select(p => units.GetValueOrDefault(p.UnitId)?.ParentId).Distinct().ToList();
        if (parents.Count != 1)
            throw new BusinessRuleException("council_items_units", Localized.Text("An emulation council votes on the proposals one unit decides.",
                    "Một Hội đồng Thi đua – Khen thưởng chỉ xét các đề nghị do cùng một đơn vị quyết định."),
                new Dictionary<string, string[]> { ["itemIds"] = [Localized.Text("Choose proposals of units under one parent.", "Chọn đề nghị của các đơn vị cùng cấp trên.")] });
        if (!access.MayDecideCommendation(parents[0])) throw new ForbiddenException();
        var candidates = new List<CouncilItemCandidate>();
        foreach (var p in proposals)
        {
            if (p.Status != ProposalStatus.Submitted)
                throw new BusinessRuleException("proposal_state", Localized.Text("Only submitted proposals go before the council.",
                    $"Đề nghị đang ở trạng thái \"{CommendationProposal.StatusName(p.Status)}\": chỉ đề nghị đã trình mới đưa ra Hội đồng."));
            if (await CommendationVotes.VerdictAsync(db, p.Id, ct) is { } v && (v.Status == CouncilStatus.Open || v.Passed))
                throw new BusinessRuleException("council_item_taken", Localized.Text("The proposal is before an open council or has already passed.",
                        v.Passed ? $"Đề nghị đã được Hội đồng \"{v.CouncilName}\" biểu quyết đạt." : $"Đề nghị đang được Hội đồng \"{v.CouncilName}\" xét."),
                    new Dictionary<string, string[]> { ["itemIds"] = [Localized.Text("Remove the proposal.", "Bỏ đề nghị này.")] });
            var form = CommendationRules.Form(p.FormCode);
            var names = string.Join(", ", p.Nominees.OrderBy(n => n.Order).Select(n => n.Name));
            var title = $"{form.Name} năm {p.Year}: {names} ({units.GetValueOrDefault(p.UnitId)?.Name})";
            candidates.Add(new CouncilItemCandidate(CouncilItemKind.Commendation, p.Id, title.Length <= 300 ? title : title[..299] + "…",
                p.Nominees.Where(n => n.Kind == NomineeKind.Person).Select(n => new ItemAuthor(n.Name, n.Email, n.OfficialId)).ToList(), form.Share));
        }
        return (parents[0]!.Value, candidates);
    }

    public static string RoleName(CouncilRole r) => r switch
    {
        CouncilRole.Chair => "Chủ tịch",
        CouncilRole.ViceChair => "Phó Chủ tịch",
        CouncilRole.Secretary => "Ủy viên thư ký",
        CouncilRole.UnionRepresentative => "ủy viên (đại diện công đoàn)",
        _ => "ủy viên chuyên gia",
    };
}

internal sealed class FormCouncilEndpoint(IMediator mediator) : CreatedEndpoint<FormCouncil, CouncilDetail>(mediator)
{
    public override void Configure()
    {
        Post(FormCouncil.Route);
        Policies(Permission.InitiativesRecognise);
        Summary(s =>
        {
            s.Summary = "Form an evaluation council for submitted initiatives, for research topics at selection or acceptance, or the deciding unit's emulation council for submitted commendation proposals (honours Idempotency-Key; 409 coi_author_member, coi_unit_head_author, council_composition, topic_state, proposal_state, council_item_taken)";
            s.Response<CouncilDetail>(201, "The council formed.");
        });
    }

    protected override IQuery<CouncilDetail> ReadBack(FormCouncil command, Guid id) => new GetCouncil { Id = id };

    protected override string Location(FormCouncil command, Guid id) => GetCouncil.For(id);
}
