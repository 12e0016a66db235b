using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Text;

namespace Khcn.Participation.Domain;

/// <summary>What a council judges. One mechanism: initiatives now; research topics (selection, acceptance) reuse it.</summary>
public enum CouncilItemKind { Initiative }

/// <summary>The seats of a council (Circular 18/2013/TT-BKHCN art. 8(1)).</summary>
public enum CouncilRole { Chair, ViceChair, Secretary, Expert, UnionRepresentative }

public enum CouncilStatus { Open, Closed }

/// <summary>Where one item of a council stands: pending while the council sits, then its result.</summary>
public enum CouncilItemOutcome { Pending, Recognised, NotRecognised }

/// <summary>An author of an item as the conflict-of-interest rules compare them with a council member.</summary>
internal sealed record ItemAuthor(string FullName, string? Email);

/// <summary>An item put before a council: its kind, its id in its own aggregate, a title and its authors.</summary>
internal sealed record CouncilItemCandidate(CouncilItemKind Kind, Guid ItemId, string Title, IReadOnlyList<ItemAuthor> Authors);

/// <summary>A person picked for a seat (an official of the Organization module, known by e-mail so that they can sign in and score).</summary>
internal sealed record CouncilSeat(Guid OfficialId, string FullName, string? Email, string? Position, CouncilRole Role);

/// <summary>A member's finding on one criterion (for initiatives: one condition of recognition).</summary>
internal sealed record Finding(string Criterion, bool Met, string? Note);

/// <summary>
/// The rules of a council, named and cited once.
/// <list type="bullet">
/// <item><b>Composition</b> (Circular 18/2013/TT-BKHCN art. 8(1)): a chair, a vice-chair, a secretary, experts in the
/// field and — for initiatives — a representative of the trade union of which the author is a member.</item>
/// <item><b>Decision</b> (art. 8(1), last sentence): adopted by vote or secret ballot "with at least 2/3 of the council
/// members agreeing" — of ALL members, not of those voting: 4 of 5, 4 of 6, 5 of 7.</item>
/// <item><b>Quorum</b> (house rule; the Circular sets none): an item is decided only once at least two thirds of the
/// members have voted on it, so that absence never decides.</item>
/// <item><b>Conflict of interest</b>: an author never sits on the council of their own item (refused at forming and at
/// scoring); when the head of the recognising unit is an author, the head is not a member (art. 8(2)); a member who
/// declares another conflict on an item is excluded from scoring it.</item>
/// </list>
/// </summary>
internal static class CouncilRules
{
    public const string CompositionBasis = "Thông tư 18/2013/TT-BKHCN, Điều 8 khoản 1";
    public const string DecisionBasis = "Thông tư 18/2013/TT-BKHCN, Điều 8 khoản 1 (ít nhất 2/3 ý kiến đồng ý của các thành viên Hội đồng)";
    public const string HeadBasis = "Thông tư 18/2013/TT-BKHCN, Điều 8 khoản 2";

    /// <summary>The fewest agreeing members that make two thirds of <paramref name="members"/>: ⌈2n/3⌉.</summary>
    public static int AgreementNeeded(int members) => (2 * members + 2) / 3;

    /// <summary>The fewest votes for an item to be decided (the same two thirds, as a quorum).</summary>
    public static int Quorum(int members) => AgreementNeeded(members);

    public static bool Recognised(int agree, int members) => agree >= AgreementNeeded(members);

    /// <summary>True when the member is one of the authors: same e-mail, or — for an author known without e-mail — the same name (diacritics and case ignored).</summary>
    public static bool IsAuthor(ItemAuthor author, string fullName, string? email) =>
        author.Email is { Length: > 0 } a && email is { Length: > 0 } e ? string.Equals(a.Trim(), e.Trim(), StringComparison.OrdinalIgnoreCase)
            : VietnameseText.Fold(author.FullName) == VietnameseText.Fold(fullName);

    public static void EnsureComposition(IReadOnlyList<CouncilSeat> seats, CouncilItemKind kind)
    {
        string? problem = null;
        if (seats.Count(s => s.Role == CouncilRole.Chair) != 1) problem = "một Chủ tịch Hội đồng";
        else if (seats.Count(s => s.Role == CouncilRole.ViceChair) != 1) problem = "một Phó Chủ tịch Hội đồng";
        else if (seats.Count(s => s.Role == CouncilRole.Secretary) != 1) problem = "một Ủy viên thư ký";
        else if (!seats.Any(s => s.Role == CouncilRole.Expert)) problem = "ít nhất một chuyên gia";
        else if (kind == CouncilItemKind.Initiative && !seats.Any(s => s.Role == CouncilRole.UnionRepresentative))
            problem = "đại diện tổ chức công đoàn nơi tác giả là đoàn viên";
        if (problem is not null)
            throw new BusinessRuleException("council_composition",
                Localized.Text($"A council has a chair, a vice-chair, a secretary, experts and a trade-union representative ({CompositionBasis}).",
                    $"Hội đồng phải có {problem} ({CompositionBasis})."),
                new Dictionary<string, string[]> { ["members"] = [Localized.Text("Complete the council's seats.", $"Thiếu {problem}.")] });
        if (seats.Select(s => s.OfficialId).Distinct().Count() != seats.Count)
            throw new BusinessRuleException("council_member_twice", Localized.Text("A person holds one seat only.", "Mỗi người chỉ giữ một vị trí trong Hội đồng."),
                new Dictionary<string, string[]> { ["members"] = [Localized.Text("Remove the repeated person.", "Bỏ người bị chọn trùng.")] });
    }

    /// <summary>Refuses (409 <c>council_member_email</c>) a member who could not sign in to score: members are matched by e-mail.</summary>
    public static void EnsureMembersCanSignIn(IReadOnlyList<CouncilSeat> seats)
    {
        if (seats.FirstOrDefault(s => string.IsNullOrWhiteSpace(s.Email)) is { } noEmail)
            throw new BusinessRuleException("council_member_email", Localized.Text($"{noEmail.FullName} has no e-mail, so cannot sign in to score.",
                    $"{noEmail.FullName} chưa có địa chỉ e-mail nên không thể đăng nhập để chấm."),
                new Dictionary<string, string[]> { ["members"] = [Localized.Text("Add the official's e-mail first.", "Cập nhật e-mail của cán bộ trước.")] });
    }

    /// <summary>Refuses (409 <c>coi_author_member</c>) a council where an author of an item would sit.</summary>
    public static void EnsureNoAuthorSits(IReadOnlyList<CouncilSeat> seats, IReadOnlyList<CouncilItemCandidate> items)
    {
        foreach (var item in items)
        foreach (var seat in seats)
            if (item.Authors.Any(a => IsAuthor(a, seat.FullName, seat.Email)))
                throw AuthorConflict(seat.FullName, item.Title);
    }

    /// <summary>Refuses (409 <c>coi_unit_head_author</c>) a council where the head of the recognising unit sits while an author of an item (art. 8(2)).</summary>
    public static void EnsureHeadNotAuthorMember(CouncilSeat? head, IReadOnlyList<CouncilSeat> seats, IReadOnlyList<CouncilItemCandidate> items)
    {
        if (head is null || !seats.Any(s => s.OfficialId == head.OfficialId)) return;
        if (items.FirstOrDefault(i => i.Authors.Any(a => IsAuthor(a, head.FullName, head.Email))) is { } item)
            throw new BusinessRuleException("coi_unit_head_author",
                Localized.Text($"The head of the recognising unit is an author of \"{item.Title}\" and cannot sit on its council ({HeadBasis}).",
                    $"Người đứng đầu đơn vị xét công nhận là tác giả sáng kiến \"{item.Title}\" nên không được là thành viên Hội đồng ({HeadBasis})."),
                new Dictionary<string, string[]> { ["unitHeadOfficialId"] = [Localized.Text("Remove the head from the council.", "Bỏ người đứng đầu đơn vị khỏi Hội đồng.")] });
    }

    public static BusinessRuleException AuthorConflict(string member, string item) => new("coi_author_member",
        Localized.Text($"{member} is an author of \"{item}\" and can neither sit on its council nor score it (conflict of interest).",
            $"{member} là tác giả/đồng tác giả của \"{item}\" nên không được là thành viên Hội đồng xét và không được chấm (xung đột lợi ích)."),
        new Dictionary<string, string[]> { ["members"] = [Localized.Text("An author cannot judge their own item.", "Tác giả không được tự đánh giá sáng kiến của mình.")] });
}

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
        CouncilRules.EnsureHeadNotAuthorMember(head, seats, items);
        CouncilRules.EnsureNoAuthorSits(seats, items);
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
            council.Items.Add(new CouncilItem(council.Id, ++order, i));
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

    /// <summary>
    /// A member's score on an item: a finding per criterion and a vote. Refused when the council is closed
    /// (<c>council_closed</c>), when the member is an author (<c>coi_author_member</c>) or declared a conflict
    /// (<c>coi_declared</c>), when already scored (<c>council_already_scored</c>), or when the vote agrees while a
    /// condition is found not met (<c>vote_contradicts_findings</c>: recognition needs every condition).
    /// </summary>
    public CouncilScore Score(CouncilMember member, CouncilItem item, IReadOnlyList<ItemAuthor> authors, IReadOnlyList<Finding> findings,
        bool agree, string? comment, DateTime nowUtc)
    {
        EnsureOpen();
        if (authors.Any(a => CouncilRules.IsAuthor(a, member.FullName, member.Email))) throw CouncilRules.AuthorConflict(member.FullName, item.Title);
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
        if (agree && findings.Any(f => !f.Met))
            throw new BusinessRuleException("vote_contradicts_findings",
                Localized.Text("You cannot agree to recognise an initiative while finding a condition not met.",
                    "Không thể đồng ý công nhận khi đánh giá có điều kiện không đạt."),
                new Dictionary<string, string[]> { ["agree"] = [Localized.Text("Vote against, or revise the findings.", "Hãy biểu quyết không đồng ý hoặc sửa đánh giá.")] });
        var score = new CouncilScore(Id, item.Id, member.Id, agree, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), nowUtc, findings);
        Scores.Add(score);
        return score;
    }

    /// <summary>The criteria a member finds on for an item of this kind.</summary>
    public static IReadOnlyList<string> Criteria(CouncilItemKind kind) => kind switch
    {
        _ => Enum.GetNames<RecognitionCondition>(),
    };

    /// <summary>The tally of an item: votes, agreements, and what they need under <see cref="CouncilRules"/>.</summary>
    public ItemTally Tally(CouncilItem item)
    {
        var scores = Scores.Where(s => s.CouncilItemId == item.Id).ToList();
        return new ItemTally(Members.Count, scores.Count, scores.Count(s => s.Agree), CouncilRules.AgreementNeeded(Members.Count), CouncilRules.Quorum(Members.Count));
    }

    /// <summary>
    /// The secretary closes the council: refused unless open (<c>council_closed</c>) and every item has its quorum
    /// (<c>council_quorum</c>). Decides each item; the caller applies the results to the items' own aggregates.
    /// </summary>
    public void Close(string decisionNumber, DateOnly decisionDate, string closedBy, DateTime nowUtc)
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

internal sealed record ItemTally(int Members, int Votes, int Agree, int Needed, int Quorum);

internal sealed class CouncilMember
{
    private CouncilMember() { }

    public CouncilMember(Guid councilId, int order, CouncilSeat seat)
    {
        CouncilId = councilId;
        Order = order;
        OfficialId = seat.OfficialId;
        FullName = seat.FullName.Trim();
        Email = seat.Email?.Trim().ToLowerInvariant();
        Position = seat.Position;
        Role = seat.Role;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid CouncilId { get; private set; }
    public int Order { get; private set; }
    public Guid OfficialId { get; private set; }
    public string FullName { get; private set; } = "";
    public string? Email { get; private set; }
    public string? Position { get; private set; }
    public CouncilRole Role { get; private set; }
}

/// <summary>An item before the council, by kind and id (an initiative now, a topic later), with its title as formed.</summary>
internal sealed class CouncilItem
{
    private CouncilItem() { }

    public CouncilItem(Guid councilId, int order, CouncilItemCandidate candidate)
    {
        CouncilId = councilId;
        Order = order;
        Kind = candidate.Kind;
        ItemId = candidate.ItemId;
        Title = candidate.Title;
        Outcome = CouncilItemOutcome.Pending;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid CouncilId { get; private set; }
    public int Order { get; private set; }
    public CouncilItemKind Kind { get; private set; }
    public Guid ItemId { get; private set; }
    public string Title { get; private set; } = "";
    public CouncilItemOutcome Outcome { get; private set; }
    public int? Votes { get; private set; }
    public int? Agree { get; private set; }
    public int? Needed { get; private set; }

    public void Decide(CouncilItemOutcome outcome, ItemTally tally)
    {
        Outcome = outcome;
        Votes = tally.Votes;
        Agree = tally.Agree;
        Needed = tally.Needed;
    }
}

internal sealed class CouncilConflict
{
    private CouncilConflict() { }

    public CouncilConflict(Guid councilId, Guid memberId, Guid councilItemId, string reason, DateTime atUtc)
    {
        CouncilId = councilId;
        MemberId = memberId;
        CouncilItemId = councilItemId;
        Reason = reason;
        DeclaredAtUtc = atUtc;
    }

    public Guid CouncilId { get; private set; }
    public Guid MemberId { get; private set; }
    public Guid CouncilItemId { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTime DeclaredAtUtc { get; private set; }
}

/// <summary>One member's submitted score on one item (once; a unique index keeps it single under races).</summary>
internal sealed class CouncilScore
{
    private CouncilScore() { }

    public CouncilScore(Guid councilId, Guid councilItemId, Guid memberId, bool agree, string? comment, DateTime atUtc, IReadOnlyList<Finding> findings)
    {
        CouncilId = councilId;
        CouncilItemId = councilItemId;
        MemberId = memberId;
        Agree = agree;
        Comment = comment;
        SubmittedAtUtc = atUtc;
        Findings = findings.Select(f => new CouncilFinding(Id, f.Criterion, f.Met, string.IsNullOrWhiteSpace(f.Note) ? null : f.Note.Trim())).ToList();
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid CouncilId { get; private set; }
    public Guid CouncilItemId { get; private set; }
    public Guid MemberId { get; private set; }
    /// <summary>The vote: agrees to recognise (initiatives) or not.</summary>
    public bool Agree { get; private set; }
    public string? Comment { get; private set; }
    public DateTime SubmittedAtUtc { get; private set; }
    public List<CouncilFinding> Findings { get; private set; } = [];
}

internal sealed class CouncilFinding
{
    private CouncilFinding() { }

    public CouncilFinding(Guid scoreId, string criterion, bool met, string? note)
    {
        ScoreId = scoreId;
        Criterion = criterion;
        Met = met;
        Note = note;
    }

    public Guid ScoreId { get; private set; }
    public string Criterion { get; private set; } = "";
    public bool Met { get; private set; }
    public string? Note { get; private set; }
}
