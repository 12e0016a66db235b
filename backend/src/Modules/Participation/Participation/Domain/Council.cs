using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Text;

namespace Khcn.Participation.Domain;

/// <summary>
/// What a council judges. One mechanism: initiatives, research topics at selection and at acceptance (nghiệm thu), and
/// commendation proposals before the deciding unit's emulation council (Hội đồng Thi đua – Khen thưởng), which votes
/// per proposal instead of scoring criteria.
/// </summary>
public enum CouncilItemKind { Initiative, TopicSelection, TopicAcceptance, Commendation }

/// <summary>The seats of a council (Circular 18/2013/TT-BKHCN art. 8(1)).</summary>
public enum CouncilRole { Chair, ViceChair, Secretary, Expert, UnionRepresentative }

public enum CouncilStatus { Open, Closed }

/// <summary>Where one item of a council stands: pending while the council sits, then its result.</summary>
public enum CouncilItemOutcome { Pending, Recognised, NotRecognised }

/// <summary>
/// An evaluation council (hội đồng) formed by a unit for one item or a batch. Owned by the recognising unit (the scope
/// filter); its members read it as their own. Scoring is blind: a member sees the others' scores on an item only after
/// submitting their own, or once the council is closed. The secretary closes it; closing decides every item under
/// <see cref="CouncilRules"/>, and a score after closing is refused (409 <c>council_closed</c>). Writers touch the
/// council row, so a score racing the closing either lands before it (and counts) or is refused.
/// </summary>
internal sealed class Council : Entity, IUnitOwned
{
    private Council() { }

    public Guid UnitId { get; private set; }
    public string Name { get; private set; } = "";
    public CouncilItemKind ItemKind { get; private set; }
    public CouncilStatus Status { get; private set; }
    /// <summary>The head of the recognising unit as the former named them (art. 8(2) compares them with the authors).</summary>
    public Guid? UnitHeadOfficialId { get; private set; }
    public string? UnitHeadName { get; private set; }
    public string FormedBy { get; private set; } = "";
    public DateTime FormedAtUtc { get; private set; }
    public string? ClosedBy { get; private set; }
    public DateTime? ClosedAtUtc { get; private set; }
    /// <summary>The number of the recognition decision the closing issues, e.g. "12/QĐ-CĐCS".</summary>
    public string? DecisionNumber { get; private set; }
    public DateOnly? DecisionDate { get; private set; }

    public List<CouncilMember> Members { get; private set; } = [];
    public List<CouncilItem> Items { get; private set; } = [];
    public List<CouncilConflict> Conflicts { get; private set; } = [];
    public List<CouncilScore> Scores { get; private set; } = [];

    public static Council Form(Guid unitId, string name, CouncilItemKind kind, IReadOnlyList<CouncilItemCandidate> items,
        IReadOnlyList<CouncilSeat> seats, CouncilSeat? head, string formedBy, DateTime nowUtc)
    {
        if (items.Count == 0)
            throw new BusinessRuleException("council_no_items", Localized.Text("Put at least one item before the council.", "Hội đồng phải xét ít nhất một hồ sơ."),
                new Dictionary<string, string[]> { ["itemIds"] = [Localized.Text("Choose the items.", "Chọn hồ sơ cần xét.")] });
        CouncilRules.EnsureComposition(seats, kind);
        // A nominee may sit on the emulation council (it judges a batch of proposals), but never votes on their own:
        // they declare the conflict instead (see Vote). Authors of initiatives and topics never sit at all.
        if (kind != CouncilItemKind.Commendation)
        {
            CouncilRules.EnsureHeadNotAuthorMember(head, seats, items);
            CouncilRules.EnsureNoAuthorSits(seats, items);
        }
        CouncilRules.EnsureMembersCanSignIn(seats);
        var council = new Council
        {
            UnitId = unitId, Name = name.Trim(), ItemKind = kind, Status = CouncilStatus.Open,
            UnitHeadOfficialId = head?.OfficialId, UnitHeadName = head?.FullName, FormedBy = formedBy, FormedAtUtc = nowUtc,
        };
        var order = 0;
        foreach (var s in seats.OrderBy(s => s.Role))
            council.Members.Add(new CouncilMember(council.Id, ++order, s));
        order = 0;
        foreach (var i in items)
            council.Items.Add(new CouncilItem(council.Id, ++order, i, kind == CouncilItemKind.Commendation ? (i.Share ?? VoteShare.SimpleMajority).Needed(seats.Count) : null));
        return council;
    }

    public CouncilMember? MemberFor(string? email) =>
        email is null ? null : Members.FirstOrDefault(m => string.Equals(m.Email, email, StringComparison.OrdinalIgnoreCase));

    public CouncilItem ItemOf(Guid itemId) => Items.FirstOrDefault(i => i.ItemId == itemId)
        ?? throw new NotFoundException(Localized.Text("Council item", "hồ sơ của Hội đồng"), itemId);

    public bool Excluded(CouncilMember member, CouncilItem item) => Conflicts.Any(c => c.MemberId == member.Id && c.CouncilItemId == item.Id);

    public CouncilScore? ScoreOf(CouncilMember member, CouncilItem item) => Scores.FirstOrDefault(s => s.MemberId == member.Id && s.CouncilItemId == item.Id);

    /// <summary>A member declares a conflict on an item (a relative of the author, a competing solution…): they no longer score it.</summary>
    public void DeclareConflict(CouncilMember member, CouncilItem item, string reason, DateTime nowUtc)
    {
        EnsureOpen();
        if (ScoreOf(member, item) is not null)
            throw new BusinessRuleException("council_already_scored", Localized.Text("You have already scored this item.", "Bạn đã chấm hồ sơ này."));
        if (!Excluded(member, item)) Conflicts.Add(new CouncilConflict(Id, member.Id, item.Id, reason.Trim(), nowUtc));
    }

    /// <summary>True for the councils that judge research topics (selection or acceptance) by points rather than conditions.</summary>
    public bool JudgesTopics => ItemKind is CouncilItemKind.TopicSelection or CouncilItemKind.TopicAcceptance;

    /// <summary>
    /// A member's score on an item: a finding per criterion and a vote. Refused when the council is closed
    /// (<c>council_closed</c>), when the member is an author (<c>coi_author_member</c>) or declared a conflict
    /// (<c>coi_declared</c>), when already scored (<c>council_already_scored</c>), or when the vote agrees while a
    /// condition is found not met (<c>vote_contradicts_findings</c>: recognition needs every condition).
    /// For a research topic each finding carries points 1–10 (<c>council_points</c> when missing); the vote is derived:
    /// the member's weighted score (<paramref name="judging"/>'s rule set) reaches the pass mark.
    /// </summary>
    public CouncilScore Score(CouncilMember member, CouncilItem item, IReadOnlyList<ItemAuthor> authors, IReadOnlyList<Finding> findings,
        bool agree, string? comment, DateTime nowUtc, TopicJudging? judging = null)
    {
        EnsureOpen();
        if (ItemKind == CouncilItemKind.Commendation)
            throw new BusinessRuleException("council_votes_only", Localized.Text("An emulation council votes on each proposal; it scores no criteria.",
                "Hội đồng Thi đua – Khen thưởng biểu quyết từng đề nghị (đồng ý / không đồng ý), không chấm tiêu chí."));
        if (authors.Any(a => CouncilRules.IsAuthor(a, member.FullName, member.Email, member.OfficialId))) throw CouncilRules.AuthorConflict(member.FullName, item.Title, ItemKind);
        if (Excluded(member, item))
            throw new BusinessRuleException("coi_declared", Localized.Text("You declared a conflict of interest on this item and are excluded from scoring it.",
                "Bạn đã khai báo xung đột lợi ích với hồ sơ này nên không tham gia chấm."));
        if (ScoreOf(member, item) is not null)
            throw new BusinessRuleException("council_already_scored", Localized.Text("You have already scored this item.", "Bạn đã chấm hồ sơ này."));
        var expected = Criteria(ItemKind);
        var missing = expected.Except(findings.Select(f => f.Criterion)).ToList();
        if (missing.Count > 0 || findings.Count != expected.Count)
            throw new BusinessRuleException("council_findings_incomplete", Localized.Text("Record a finding on every criterion.", "Cần đánh giá đủ từng tiêu chí."),
                new Dictionary<string, string[]> { ["findings"] = [.. missing] });
        if (JudgesTopics)
        {
            var j = judging ?? throw new InvalidOperationException("A topic council scores with a rule set and a pass mark.");
            var unscored = findings.Select((f, n) => (f, n)).FirstOrDefault(x => x.f.Points is not (>= TopicPoints.Min and <= TopicPoints.Max));
            if (unscored.f is not null)
                throw new BusinessRuleException("council_points", Localized.Text("Give every criterion points from 1 to 10.", "Mỗi tiêu chí chấm từ 1 đến 10 điểm."),
                    new Dictionary<string, string[]> { [$"findings[{unscored.n}].points"] = [Localized.Text("Choose 1–10.", "Chọn từ 1 đến 10.")] });
            findings = findings.Select(f => f with { Met = f.Points >= j.Rules.PassFrom }).ToList();
            agree = WeightedOf(findings, j.Rules) >= j.PassMark;
        }
        else if (agree && findings.Any(f => !f.Met))
            throw new BusinessRuleException("vote_contradicts_findings",
                Localized.Text("You cannot agree to recognise an initiative while finding a condition not met.",
                    "Không thể đồng ý công nhận khi đánh giá có điều kiện không đạt."),
                new Dictionary<string, string[]> { ["agree"] = [Localized.Text("Vote against, or revise the findings.", "Hãy biểu quyết không đồng ý hoặc sửa đánh giá.")] });
        var score = new CouncilScore(Id, item.Id, member.Id, agree, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), nowUtc, findings);
        Scores.Add(score);
        return score;
    }

    /// <summary>
    /// A member's vote on a commendation proposal (đồng ý / không đồng ý), once. Refused when the council is closed
    /// (<c>council_closed</c>), when the member is one of the proposal's nominees and has not declared it
    /// (<c>coi_nominee_member</c>: they declare the conflict and do not vote), when they declared a conflict
    /// (<c>coi_declared</c>), when already voted (<c>council_already_scored</c>), and on a council of another kind
    /// (<c>council_scores_criteria</c>).
    /// </summary>
    public CouncilScore Vote(CouncilMember member, CouncilItem item, IReadOnlyList<ItemAuthor> nominees, bool agree, string? comment, DateTime nowUtc)
    {
        EnsureOpen();
        if (ItemKind != CouncilItemKind.Commendation)
            throw new BusinessRuleException("council_scores_criteria", Localized.Text("This council scores each criterion; use the score form.",
                "Hội đồng này chấm theo từng tiêu chí; hãy dùng phiếu chấm."));
        if (Excluded(member, item))
            throw new BusinessRuleException("coi_declared", Localized.Text("You declared a conflict of interest on this proposal and do not vote on it.",
                "Bạn đã khai báo xung đột lợi ích với đề nghị này nên không biểu quyết."));
        if (nominees.Any(a => CouncilRules.IsAuthor(a, member.FullName, member.Email, member.OfficialId)))
            throw CouncilRules.NomineeConflict(member.FullName, item.Title);
        if (ScoreOf(member, item) is not null)
            throw new BusinessRuleException("council_already_scored", Localized.Text("You have already voted on this proposal.", "Bạn đã biểu quyết đề nghị này."));
        var vote = new CouncilScore(Id, item.Id, member.Id, agree, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), nowUtc, []);
        Scores.Add(vote);
        return vote;
    }

    /// <summary>One member's weighted score on a topic: Σ weight × points (<see cref="TopicRuleSet.Weighted"/>), exact.</summary>
    public static decimal WeightedOf(IEnumerable<Finding> findings, TopicRuleSet rules) =>
        rules.Weighted(findings.ToDictionary(f => Enum.Parse<TopicCriterion>(f.Criterion), f => f.Points ?? 0));

    /// <summary>One submitted score's weighted value on a topic.</summary>
    public static decimal WeightedOf(CouncilScore score, TopicRuleSet rules) =>
        WeightedOf(score.Findings.Select(f => new Finding(f.Criterion, f.Met, f.Note, f.Points)), rules);

    /// <summary>
    /// The mean of the members' weighted scores on a topic, rounded to two decimals (half away from zero) before it is
    /// compared with the pass mark — the figure the decision prints is the figure that decides (house rule, DT-2024.1).
    /// </summary>
    public decimal? AverageOf(CouncilItem item, TopicRuleSet rules)
    {
        var scores = Scores.Where(s => s.CouncilItemId == item.Id).ToList();
        return scores.Count == 0 ? null : Math.Round(scores.Average(s => WeightedOf(s, rules)), 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>The criteria a member finds on for an item of this kind.</summary>
    public static IReadOnlyList<string> Criteria(CouncilItemKind kind) => kind switch
    {
        CouncilItemKind.TopicSelection or CouncilItemKind.TopicAcceptance => Enum.GetNames<TopicCriterion>(),
        CouncilItemKind.Commendation => [],
        _ => Enum.GetNames<RecognitionCondition>(),
    };

    /// <summary>The tally of an item: votes, agreements, and what they need under <see cref="CouncilRules"/>.</summary>
    public ItemTally Tally(CouncilItem item)
    {
        var scores = Scores.Where(s => s.CouncilItemId == item.Id).ToList();
        var needed = ItemKind == CouncilItemKind.Commendation && item.Needed is { } fixedAtForming ? fixedAtForming : CouncilRules.AgreementNeeded(Members.Count);
        return new ItemTally(Members.Count, scores.Count, scores.Count(s => s.Agree), needed, CouncilRules.Quorum(Members.Count));
    }

    /// <summary>
    /// The secretary closes the council: refused unless open (<c>council_closed</c>) and every item has its quorum
    /// (<c>council_quorum</c>). Decides each item; the caller applies the results to the items' own aggregates.
    /// An initiative passes with two thirds of ALL members agreeing; a research topic passes when the average of the
    /// members' weighted scores (<see cref="AverageOf"/>) reaches <paramref name="judging"/>'s pass mark (the call's
    /// threshold at selection, the "Đạt" band at acceptance).
    /// </summary>
    public void Close(string decisionNumber, DateOnly decisionDate, string closedBy, DateTime nowUtc, TopicJudging? judging = null)
    {
        EnsureOpen();
        var short_ = Items.Select(i => (Item: i, Tally: Tally(i))).FirstOrDefault(x => x.Tally.Votes < x.Tally.Quorum);
        if (short_.Item is not null)
            throw new BusinessRuleException("council_quorum",
                Localized.Text($"\"{short_.Item.Title}\" has {short_.Tally.Votes} votes; at least {short_.Tally.Quorum} of {short_.Tally.Members} members must vote before the council closes.",
                    $"Hồ sơ \"{short_.Item.Title}\" mới có {short_.Tally.Votes} phiếu; cần ít nhất {short_.Tally.Quorum}/{short_.Tally.Members} thành viên chấm trước khi kết thúc phiên họp."));
        foreach (var item in Items)
        {
            var tally = Tally(item);
            if (JudgesTopics)
            {
                var j = judging ?? throw new InvalidOperationException("A topic council closes with a rule set and a pass mark.");
                var average = AverageOf(item, j.Rules)!.Value;
                item.Decide(average >= j.PassMark ? CouncilItemOutcome.Recognised : CouncilItemOutcome.NotRecognised, tally, average);
            }
            else if (ItemKind == CouncilItemKind.Commendation)
                item.Decide(tally.Agree >= tally.Needed ? CouncilItemOutcome.Recognised : CouncilItemOutcome.NotRecognised, tally);
            else
                item.Decide(CouncilRules.Recognised(tally.Agree, tally.Members) ? CouncilItemOutcome.Recognised : CouncilItemOutcome.NotRecognised, tally);
        }
        Status = CouncilStatus.Closed;
        ClosedBy = closedBy;
        ClosedAtUtc = nowUtc;
        DecisionNumber = decisionNumber.Trim();
        DecisionDate = decisionDate;
    }

    /// <summary>Per criterion, the members finding it met and their notes.</summary>
    public IReadOnlyList<(string Criterion, int Met, IReadOnlyList<string> Notes)> Findings(CouncilItem item) =>
        Criteria(ItemKind).Select(c =>
        {
            var found = Scores.Where(s => s.CouncilItemId == item.Id).SelectMany(s => s.Findings.Where(f => f.Criterion == c).Select(f => (s.MemberId, f))).ToList();
            return (c, found.Count(x => x.f.Met), (IReadOnlyList<string>)found.Where(x => x.f.Note is not null)
                .Select(x => $"{Members.First(m => m.Id == x.MemberId).FullName}: {x.f.Note}").ToList());
        }).ToList();

    private void EnsureOpen()
    {
        if (Status == CouncilStatus.Closed)
            throw new BusinessRuleException("council_closed", Localized.Text("The council is closed; nothing more can be scored or changed.",
                "Hội đồng đã kết thúc phiên họp; không thể chấm hoặc thay đổi nữa."));
    }
}
