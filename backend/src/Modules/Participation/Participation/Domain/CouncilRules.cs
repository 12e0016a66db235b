using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Text;

namespace Khcn.Participation.Domain;

/// <summary>An author of an item (for a research topic: its lead or a member) as the conflict-of-interest rules compare them with a council member; the official's id when known.</summary>
internal sealed record ItemAuthor(string FullName, string? Email, Guid? OfficialId = null);

/// <summary>
/// An item put before a council: its kind, its id in its own aggregate, a title and its authors (for a commendation
/// proposal: its nominees, and the share of the council its form needs — null for a simple majority).
/// </summary>
internal sealed record CouncilItemCandidate(CouncilItemKind Kind, Guid ItemId, string Title, IReadOnlyList<ItemAuthor> Authors, VoteShare? Share = null);

/// <summary>
/// The share of ALL seated members of an emulation council (Hội đồng Thi đua – Khen thưởng) that must agree for a
/// commendation proposal to pass: more than <see cref="Numerator"/>/<see cref="Denominator"/> (a simple majority: more
/// than half), or — when <see cref="AtLeast"/> — at least that share (e.g. "từ 90% trở lên"). Data of the catalogue:
/// a form carries its own share, or none for the simple majority.
/// </summary>
internal sealed record VoteShare(int Numerator, int Denominator, bool AtLeast, string Name, string Basis)
{
    /// <summary>
    /// Law 06/2022/QH15 art. 90 sets up the emulation councils (Hội đồng Thi đua – Khen thưởng) as the advisory bodies of
    /// each level; the councils' working rules looked up (the Central council's, ministries') decide "theo đa số". The
    /// Decree 98/2023/NĐ-CP article on the councils' voting was not found: more than half of all members is a house
    /// rule (issue #13: "simple majority unless the form says otherwise").
    /// </summary>
    public static readonly VoteShare SimpleMajority = new(1, 2, false, "quá bán tổng số thành viên Hội đồng",
        "Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 90 (Hội đồng Thi đua – Khen thưởng); biểu quyết theo đa số — quá bán tổng số thành viên: "
        + "Quy định nội bộ (chưa tra được điều khoản về biểu quyết của Nghị định 98/2023/NĐ-CP)");

    /// <summary>The fewest agreeing members out of <paramref name="members"/> seats.</summary>
    public int Needed(int members) => AtLeast
        ? (members * Numerator + Denominator - 1) / Denominator
        : members * Numerator / Denominator + 1;
}

/// <summary>A person picked for a seat (an official of the Organization module, known by e-mail so that they can sign in and score).</summary>
internal sealed record CouncilSeat(Guid OfficialId, string FullName, string? Email, string? Position, CouncilRole Role);

/// <summary>A member's finding on one criterion (for initiatives: one condition of recognition).</summary>
internal sealed record Finding(string Criterion, bool Met, string? Note, int? Points = null);

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

    /// <summary>
    /// True when the member is one of the authors. When both are known as officials (a topic's lead and members, a
    /// council seat): the same official or the same e-mail — two officials who merely share a name are two people.
    /// Otherwise (an initiative's author typed with a name): the same e-mail, or — for an author known without e-mail —
    /// the same name (diacritics and case ignored).
    /// </summary>
    public static bool IsAuthor(ItemAuthor author, string fullName, string? email, Guid? officialId = null)
    {
        var sameEmail = author.Email is { Length: > 0 } a && email is { Length: > 0 } e && string.Equals(a.Trim(), e.Trim(), StringComparison.OrdinalIgnoreCase);
        if (author.OfficialId is { } id && officialId is { } mine) return id == mine || sameEmail;
        return author.Email is { Length: > 0 } && email is { Length: > 0 } ? sameEmail : VietnameseText.Fold(author.FullName) == VietnameseText.Fold(fullName);
    }

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
            if (item.Authors.Any(a => IsAuthor(a, seat.FullName, seat.Email, seat.OfficialId)))
                throw AuthorConflict(seat.FullName, item.Title, item.Kind);
    }

    /// <summary>Refuses (409 <c>coi_unit_head_author</c>) a council where the head of the recognising unit sits while an author of an item (art. 8(2)).</summary>
    public static void EnsureHeadNotAuthorMember(CouncilSeat? head, IReadOnlyList<CouncilSeat> seats, IReadOnlyList<CouncilItemCandidate> items)
    {
        if (head is null || !seats.Any(s => s.OfficialId == head.OfficialId)) return;
        if (items.FirstOrDefault(i => i.Authors.Any(a => IsAuthor(a, head.FullName, head.Email, head.OfficialId))) is { } item)
            throw new BusinessRuleException("coi_unit_head_author",
                Localized.Text($"The head of the recognising unit is an author of \"{item.Title}\" and cannot sit on its council ({HeadBasis}).",
                    $"Người đứng đầu đơn vị xét công nhận là tác giả sáng kiến \"{item.Title}\" nên không được là thành viên Hội đồng ({HeadBasis})."),
                new Dictionary<string, string[]> { ["unitHeadOfficialId"] = [Localized.Text("Remove the head from the council.", "Bỏ người đứng đầu đơn vị khỏi Hội đồng.")] });
    }

    /// <summary>409 <c>coi_nominee_member</c>: a member proposed in a commendation proposal declares the conflict and does not vote on it.</summary>
    public static BusinessRuleException NomineeConflict(string member, string item) =>
        new("coi_nominee_member",
            Localized.Text($"{member} is proposed in \"{item}\": declare the conflict of interest; a nominee does not vote on their own proposal.",
                $"{member} có tên trong đề nghị \"{item}\": hãy khai báo xung đột lợi ích; người được đề nghị không biểu quyết đề nghị của chính mình."),
            new Dictionary<string, string[]> { ["agree"] = [Localized.Text("Declare the conflict instead.", "Hãy khai báo xung đột lợi ích.")] });

    public static BusinessRuleException AuthorConflict(string member, string item, CouncilItemKind kind = CouncilItemKind.Initiative) =>
        kind == CouncilItemKind.Initiative
            ? new("coi_author_member",
                Localized.Text($"{member} is an author of \"{item}\" and can neither sit on its council nor score it (conflict of interest).",
                    $"{member} là tác giả/đồng tác giả của \"{item}\" nên không được là thành viên Hội đồng xét và không được chấm (xung đột lợi ích)."),
                new Dictionary<string, string[]> { ["members"] = [Localized.Text("An author cannot judge their own item.", "Tác giả không được tự đánh giá sáng kiến của mình.")] })
            : new("coi_author_member",
                Localized.Text($"{member} leads or works on the topic \"{item}\" and can neither sit on its council nor score it (conflict of interest).",
                    $"{member} là chủ nhiệm/thành viên đề tài \"{item}\" nên không được là thành viên Hội đồng xét và không được chấm (xung đột lợi ích)."),
                new Dictionary<string, string[]> { ["members"] = [Localized.Text("A topic's lead or member cannot judge it.", "Chủ nhiệm, thành viên đề tài không được tự đánh giá đề tài của mình.")] });
}
