using Khcn.BuildingBlocks.Domain;

namespace Khcn.Participation.Domain;

/// <summary>Who a form may be given to.</summary>
public enum CommendationTarget { Individual, Collective, Both }

/// <summary>The kind of a commendation nominee: a person (an official of the unit tree) or a collective (a unit).</summary>
public enum NomineeKind { Person, Unit }

/// <summary>
/// A form or title of the catalogue (hình thức khen thưởng / danh hiệu thi đua): its code (stable, stored on proposals),
/// Vietnamese name, who may be proposed, who decides it, the share of the emulation council that must agree
/// (<see cref="CouncilShare"/>; null: a simple majority, <see cref="VoteShare.SimpleMajority"/>), and — per rule set — its
/// eligibility rules and prize coefficient.
/// </summary>
internal sealed record CommendationForm(string Code, string Name, CommendationTarget Target, string DecidedBy, bool IsTitle, VoteShare? CouncilShare = null)
{
    /// <summary>What the deciding unit's emulation council needs for a proposal of this form to pass.</summary>
    public VoteShare Share => CouncilShare ?? VoteShare.SimpleMajority;
}

/// <summary>
/// The facts the system holds about one nominee, gathered before the rules run (the rules themselves never read the
/// database): the titles and forms already awarded (approved proposals) by form code and year, the recognised
/// initiatives the person authored, the person's individual emulation registrations, the collective's ranking
/// results, and the quota counts of the proposing unit.
/// </summary>
internal sealed record EligibilityFacts(
    NomineeKind Kind, int Year,
    IReadOnlyCollection<(string FormCode, int Year)> Awarded,
    bool AlreadyProposed,
    IReadOnlyList<(Guid Id, string Title, DateOnly DecisionDate)> RecognisedInitiatives,
    bool RegisteredIndividually,
    IReadOnlyList<(string Movement, bool Closed, int? Rank, int Ranked)> Rankings,
    int UnitAdvancedWorkers, int UnitBaseFightersIncludingThis)
{
    public bool Holds(string form, int year) => Awarded.Any(a => a.FormCode == form && a.Year == year);
}

/// <summary>The result of one named rule for one nominee, as the proposal form shows it (Vietnamese).</summary>
internal sealed record RuleResult(string Code, string Name, string LegalBasis, bool Passed, string Detail);

/// <summary>
/// A named eligibility rule: <see cref="Code"/> is stable (tests and stored checks name it), <see cref="LegalBasis"/> cites
/// the article the rule encodes — or says "Quy định nội bộ" (house rule) where the text could not be looked up.
/// </summary>
internal sealed record EligibilityRule(string Code, string Name, string LegalBasis, Func<EligibilityFacts, (bool Passed, string Detail)> Check)
{
    public RuleResult Run(EligibilityFacts facts)
    {
        var (passed, detail) = Check(facts);
        return new RuleResult(Code, Name, LegalBasis, passed, detail);
    }
}

/// <summary>What a form carries under one rule set: its rules, and its prize as a multiple of the base salary.</summary>
internal sealed record FormRules(IReadOnlyList<EligibilityRule> Rules, decimal PersonCoefficient, decimal CollectiveCoefficient, string PrizeBasis);

/// <summary>One version of the commendation rules, in force from <see cref="EffectiveFrom"/>.</summary>
internal sealed record CommendationRuleSet(string Code, DateOnly EffectiveFrom, string LegalBasis, IReadOnlyDictionary<string, FormRules> Forms)
{
    public FormRules For(string formCode) => Forms.TryGetValue(formCode, out var f) ? f
        : throw new BusinessRuleException("commendation_form_unknown", Localized.Text($"The form {formCode} is not in the catalogue.", $"Hình thức {formCode} không có trong danh mục."));
}

/// <summary>
/// The commendation catalogue and the versioned eligibility rule sets (like <see cref="RemunerationRules"/>): a rule set
/// is chosen by the date the achievements relate to (31/12 of the proposal's year), so a 2023 proposal is judged by the
/// Law on Emulation and Commendation of 2003 (amended 2013) and its Decree 91/2017/NĐ-CP, and a 2024 one by Law
/// 06/2022/QH15 (in force 01/01/2024) and Decree 98/2023/NĐ-CP.
/// <para>
/// Sources looked up (public pages, Dec 2026): Law 06/2022/QH15 — effective 01/01/2024; art. 24 ("Lao động tiên
/// tiến") and art. 28 ("Tập thể lao động tiên tiến") named in the summary of the Kon Tum Department of Science and
/// Technology. Decree 98/2023/NĐ-CP art. 54 — the prize multiples of the titles (individual: CSTĐ toàn quốc 4.5, CSTĐ
/// bộ/ngành/tỉnh 3.0, CSTĐ cơ sở 1.0, LĐTT 0.3; collective: Tập thể lao động xuất sắc 1.5, Tập thể LĐTT 0.8).
/// Law 2003 (amended 2013) art. 23 — CSTĐ cơ sở: meets LĐTT and has an initiative recognised by the grassroots level
/// (or an accepted, applied research topic); art. 22 — CSTĐ at ministry/province level: chosen among those with three
/// consecutive CSTĐ cơ sở titles. Decree 91/2017/NĐ-CP — CSTĐ cấp tỉnh 3.0, CSTĐ cơ sở 1.0, LĐTT 0.3, Bằng khen of a
/// ministry/province 1.0, Giấy khen 0.3 (the article number was not in the text found).
/// </para>
/// <para>
/// NOT found (encoded as house rules, labelled "Quy định nội bộ", never with an invented article): the article
/// numbers of the CSTĐ cơ sở and provincial CSTĐ standards in Law 06/2022/QH15 (the 2024 rule set keeps the 2013
/// standards, flagged), the Decree 98/2023 quota of CSTĐ cơ sở among LĐTT (15% used as the house quota), the
/// General Confederation of Labour's own commendation rules (Giấy khen / Bằng khen of the provincial federation, Bằng
/// khen of the General Confederation, the "Lao động sáng tạo" award), and the link from an individual registration to
/// a title (the registration rule is a house rule).
/// </para>
/// </summary>
internal static class CommendationRules
{
    public const string Ldtt = "LDTT";
    public const string Cstdcs = "CSTDCS";
    public const string CstdTinh = "CSTD-TINH";
    public const string Ttldtt = "TTLDTT";
    public const string Ttldxs = "TTLDXS";
    public const string GiayKhen = "GK-LDLD";
    public const string BangKhenTinh = "BK-LDLD";
    public const string BangKhenTong = "BK-TLD";
    public const string LaoDongSangTao = "LDST";

    private const string House = "Quy định nội bộ";

    /// <summary>
    /// Decree 91/2017/NĐ-CP art. 45(8): for the ministry/province-level "Chiến sĩ thi đua" the council meets and votes by
    /// secret ballot, and the nominee needs at least 90% of ALL council members agreeing (absent members vote in writing).
    /// The article of Decree 98/2023/NĐ-CP that replaced it was not found, so the share is kept for 2024 on as a house rule.
    /// </summary>
    public static readonly VoteShare ProvincialFighterShare = new(9, 10, true, "từ 90% tổng số thành viên Hội đồng trở lên (bỏ phiếu kín)",
        "Nghị định 91/2017/NĐ-CP, Điều 45 khoản 8 (tỷ lệ phiếu đồng ý từ 90% trở lên tính trên tổng số thành viên Hội đồng); "
        + "giữ từ năm 2024 là Quy định nội bộ (chưa tra được điều khoản tương ứng của Nghị định 98/2023/NĐ-CP)");

    public static IReadOnlyList<CommendationForm> Catalogue { get; } =
    [
        new(Ldtt, "Danh hiệu \"Lao động tiên tiến\"", CommendationTarget.Individual, "Thủ trưởng đơn vị cơ sở / Chủ tịch công đoàn cấp trên trực tiếp", true),
        new(Cstdcs, "Danh hiệu \"Chiến sĩ thi đua cơ sở\"", CommendationTarget.Individual, "Chủ tịch công đoàn cấp trên trực tiếp cơ sở", true),
        new(CstdTinh, "Danh hiệu \"Chiến sĩ thi đua\" cấp tỉnh", CommendationTarget.Individual, "Chủ tịch Liên đoàn Lao động tỉnh", true, ProvincialFighterShare),
        new(Ttldtt, "Danh hiệu \"Tập thể lao động tiên tiến\"", CommendationTarget.Collective, "Chủ tịch công đoàn cấp trên trực tiếp", true),
        new(Ttldxs, "Danh hiệu \"Tập thể lao động xuất sắc\"", CommendationTarget.Collective, "Chủ tịch Liên đoàn Lao động tỉnh", true),
        new(GiayKhen, "Giấy khen của Liên đoàn Lao động tỉnh", CommendationTarget.Both, "Chủ tịch Liên đoàn Lao động tỉnh", false),
        new(BangKhenTinh, "Bằng khen của Liên đoàn Lao động tỉnh", CommendationTarget.Both, "Chủ tịch Liên đoàn Lao động tỉnh", false),
        new(BangKhenTong, "Bằng khen của Tổng Liên đoàn Lao động Việt Nam", CommendationTarget.Both, "Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam", false),
        new(LaoDongSangTao, "Giải thưởng \"Lao động sáng tạo\" của Tổng Liên đoàn Lao động Việt Nam", CommendationTarget.Individual, "Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam", false),
    ];

    public static CommendationForm Form(string code) => Catalogue.FirstOrDefault(f => f.Code == code)
        ?? throw new BusinessRuleException("commendation_form_unknown", Localized.Text($"The form {code} is not in the catalogue.", $"Hình thức {code} không có trong danh mục."),
            new Dictionary<string, string[]> { ["formCode"] = [Localized.Text("Choose a form of the catalogue.", "Chọn một hình thức trong danh mục.")] });

    // ---- The named rules -------------------------------------------------------------------------------------------

    /// <summary>No one is proposed twice for the same form and year (issue #13; house rule — the principle "không khen thưởng nhiều lần cho một thành tích" of Law 06/2022/QH15 was found without its article number).</summary>
    public static readonly EligibilityRule NotProposedTwice = new("not_proposed_twice", "Chưa được đề nghị hình thức này trong năm", House + " (không đề nghị hai lần một hình thức trong cùng năm)",
        f => f.AlreadyProposed ? (false, "Đã có đề nghị (chưa bị từ chối) hoặc đã được khen hình thức này trong năm.") : (true, "Chưa có đề nghị nào khác."));

    private static EligibilityRule HoldsAdvancedWorker(string basis) => new("holds_advanced_worker", "Đạt danh hiệu \"Lao động tiên tiến\" trong năm", basis,
        f => f.Holds(Ldtt, f.Year) ? (true, $"Đã được công nhận \"Lao động tiên tiến\" năm {f.Year}.") : (false, $"Chưa được công nhận \"Lao động tiên tiến\" năm {f.Year}."));

    private static EligibilityRule HasRecognisedInitiative(string basis) => new("has_recognised_initiative", "Có sáng kiến được công nhận", basis,
        f => f.RecognisedInitiatives.Count > 0
            ? (true, "Sáng kiến: " + string.Join("; ", f.RecognisedInitiatives.Select(i => $"\"{i.Title}\" (công nhận ngày {i.DecisionDate:dd/MM/yyyy})")))
            : (false, $"Không có sáng kiến nào của người này được công nhận trong năm {f.Year}."));

    private static EligibilityRule ThreeConsecutiveBaseFighter(string basis) => new("three_consecutive_base_fighter", "Ba năm liên tục đạt \"Chiến sĩ thi đua cơ sở\"", basis,
        f =>
        {
            var missing = Enumerable.Range(f.Year - 2, 3).Where(y => !f.Holds(Cstdcs, y)).ToList();
            return missing.Count == 0 ? (true, $"Đạt \"Chiến sĩ thi đua cơ sở\" các năm {f.Year - 2}, {f.Year - 1}, {f.Year}.")
                : (false, "Chưa đạt \"Chiến sĩ thi đua cơ sở\" năm " + string.Join(", ", missing) + ".");
        });

    /// <summary>House quota (15%): the Decree 98/2023 quota was not found in the texts looked up.</summary>
    public static readonly EligibilityRule BaseFighterQuota = new("base_fighter_quota", "Tỷ lệ \"Chiến sĩ thi đua cơ sở\" không quá 15% số \"Lao động tiên tiến\" của đơn vị",
        House + " (tỷ lệ 15%; chưa tra được điều khoản tương ứng của Nghị định 98/2023/NĐ-CP)",
        f =>
        {
            var allowed = Math.Floor(f.UnitAdvancedWorkers * 0.15m);
            return f.UnitBaseFightersIncludingThis <= allowed
                ? (true, $"{f.UnitBaseFightersIncludingThis}/{f.UnitAdvancedWorkers} (tối đa {allowed}).")
                : (false, $"Đơn vị có {f.UnitAdvancedWorkers} \"Lao động tiên tiến\": tối đa {allowed} \"Chiến sĩ thi đua cơ sở\", đề nghị này là người thứ {f.UnitBaseFightersIncludingThis}.");
        });

    public static readonly EligibilityRule RegisteredForEmulation = new("registered_for_emulation", "Đã đăng ký thi đua trong năm", House + " (cá nhân có tên trong đăng ký thi đua của đơn vị)",
        f => f.RegisteredIndividually ? (true, $"Có tên trong đăng ký thi đua năm {f.Year}.") : (false, $"Không có tên trong đăng ký thi đua nào của năm {f.Year}."));

    private static EligibilityRule ReviewedResult(string basis) => new("reviewed_emulation_result", "Có kết quả thi đua được cấp trên thẩm định và chốt", basis,
        f => f.Rankings.Any(r => r.Closed && r.Rank is not null)
            ? (true, string.Join("; ", f.Rankings.Where(r => r.Closed && r.Rank is not null).Select(r => $"{r.Movement}: hạng {r.Rank}/{r.Ranked}")))
            : (false, $"Đơn vị chưa có kết quả thi đua năm {f.Year} được cấp trên chốt."));

    public static readonly EligibilityRule LeadsCluster = new("leads_cluster", "Xếp thứ nhất cụm/khối thi đua", House + " (tiêu chuẩn \"hoàn thành xuất sắc nhiệm vụ\" đo bằng xếp hạng cụm, khối thi đua đã chốt)",
        f => f.Rankings.Any(r => r.Closed && r.Rank == 1)
            ? (true, string.Join("; ", f.Rankings.Where(r => r.Closed && r.Rank == 1).Select(r => $"{r.Movement}: hạng 1/{r.Ranked}")))
            : (false, $"Đơn vị không xếp thứ nhất cụm, khối thi đua nào năm {f.Year} (hoặc năm chưa được chốt)."));

    public static readonly EligibilityRule InitiativeOrBaseFighter = new("initiative_or_base_fighter", "Có sáng kiến được công nhận hoặc đạt \"Chiến sĩ thi đua cơ sở\" trong năm",
        House + " (quy chế khen thưởng của tổ chức Công đoàn chưa tra được)",
        f => f.RecognisedInitiatives.Count > 0 || f.Holds(Cstdcs, f.Year) ? (true, "Đạt.") : (false, $"Không có sáng kiến được công nhận và chưa đạt \"Chiến sĩ thi đua cơ sở\" năm {f.Year}."));

    public static readonly EligibilityRule HoldsProvincialCommendation = new("holds_provincial_commendation", "Đã được tặng Bằng khen của Liên đoàn Lao động tỉnh trước đó",
        House + " (quy chế khen thưởng của Tổng Liên đoàn chưa tra được)",
        f => f.Awarded.Any(a => a.FormCode == BangKhenTinh && a.Year < f.Year) ? (true, "Đã có Bằng khen của LĐLĐ tỉnh.") : (false, "Chưa có Bằng khen của LĐLĐ tỉnh ở năm trước."));

    // ---- The rule sets ------------------------------------------------------------------------------------------

    private const string Law2013 = "Luật Thi đua, khen thưởng 2003 (sửa đổi, bổ sung 2013)";
    private const string Law2022 = "Luật Thi đua, khen thưởng số 06/2022/QH15";

    private static FormRules Individual(decimal coefficient, string prizeBasis, params EligibilityRule[] rules) => new([NotProposedTwice, .. rules], coefficient, 0m, prizeBasis);
    private static FormRules Collective(decimal coefficient, string prizeBasis, params EligibilityRule[] rules) => new([NotProposedTwice, .. rules], 0m, coefficient, prizeBasis);
    private static FormRules Both(decimal person, decimal collective, string prizeBasis, params EligibilityRule[] rules) => new([NotProposedTwice, .. rules], person, collective, prizeBasis);

    /// <summary>
    /// Law 2003 amended 2013 and Decree 91/2017/NĐ-CP: the first version, so it judges every year before 2024 (the
    /// exact entry into force of the 2013 amendment and of Decree 91/2017 was not confirmed in the texts found).
    /// </summary>
    public static readonly CommendationRuleSet Law2013Set = new("TDKT-2013", new DateOnly(2000, 1, 1), Law2013 + "; Nghị định 91/2017/NĐ-CP",
        new Dictionary<string, FormRules>
        {
            [Ldtt] = Individual(0.3m, "Nghị định 91/2017/NĐ-CP: 0,3 lần mức lương cơ sở", RegisteredForEmulation),
            [Cstdcs] = Individual(1.0m, "Nghị định 91/2017/NĐ-CP: 1,0 lần mức lương cơ sở",
                HoldsAdvancedWorker(Law2013 + ", Điều 23 khoản 1"), HasRecognisedInitiative(Law2013 + ", Điều 23 khoản 2")),
            [CstdTinh] = Individual(3.0m, "Nghị định 91/2017/NĐ-CP: 3,0 lần mức lương cơ sở", ThreeConsecutiveBaseFighter(Law2013 + ", Điều 22")),
            [Ttldtt] = Collective(0.8m, House + ": 0,8 lần mức lương cơ sở (chưa tra được điều khoản Nghị định 91/2017/NĐ-CP)", ReviewedResult(House)),
            [Ttldxs] = Collective(1.5m, House + ": 1,5 lần mức lương cơ sở (chưa tra được điều khoản Nghị định 91/2017/NĐ-CP)", ReviewedResult(House), LeadsCluster),
            [GiayKhen] = Both(0.3m, 0.6m, House + ": như Giấy khen tại Nghị định 91/2017/NĐ-CP (0,3 lần; tập thể gấp đôi)"),
            [BangKhenTinh] = Both(1.0m, 2.0m, House + ": như Bằng khen cấp tỉnh tại Nghị định 91/2017/NĐ-CP (1,0 lần; tập thể gấp đôi)", InitiativeOrBaseFighter),
            [BangKhenTong] = Both(0m, 0m, "Do Tổng Liên đoàn chi theo quy chế riêng (không phát sinh nghĩa vụ của đơn vị)", HoldsProvincialCommendation),
            [LaoDongSangTao] = Individual(0m, "Do Tổng Liên đoàn chi theo quy chế riêng (không phát sinh nghĩa vụ của đơn vị)", HasRecognisedInitiative(House)),
        });

    /// <summary>Law 06/2022/QH15 (in force 01/01/2024) and Decree 98/2023/NĐ-CP (prizes of titles: art. 54).</summary>
    public static readonly CommendationRuleSet Law2022Set = new("TDKT-2022", new DateOnly(2024, 1, 1), Law2022 + "; Nghị định 98/2023/NĐ-CP",
        new Dictionary<string, FormRules>
        {
            [Ldtt] = Individual(0.3m, "Nghị định 98/2023/NĐ-CP, Điều 54: 0,3 lần mức lương cơ sở", RegisteredForEmulation),
            [Cstdcs] = Individual(1.0m, "Nghị định 98/2023/NĐ-CP, Điều 54: 1,0 lần mức lương cơ sở",
                HoldsAdvancedWorker(House + " — giữ tiêu chuẩn Điều 23 khoản 1 " + Law2013 + " (chưa tra được điều khoản của " + Law2022 + ")"),
                HasRecognisedInitiative(House + " — giữ tiêu chuẩn Điều 23 khoản 2 " + Law2013 + " (chưa tra được điều khoản của " + Law2022 + ")"),
                BaseFighterQuota),
            [CstdTinh] = Individual(3.0m, "Nghị định 98/2023/NĐ-CP, Điều 54: 3,0 lần mức lương cơ sở",
                ThreeConsecutiveBaseFighter(House + " — giữ tiêu chuẩn Điều 22 " + Law2013 + " (chưa tra được điều khoản của " + Law2022 + ")")),
            [Ttldtt] = Collective(0.8m, "Nghị định 98/2023/NĐ-CP, Điều 54: 0,8 lần mức lương cơ sở", ReviewedResult(Law2022 + ", Điều 28 (kết quả được cấp trên thẩm định là " + House.ToLowerInvariant() + ")")),
            [Ttldxs] = Collective(1.5m, "Nghị định 98/2023/NĐ-CP, Điều 54: 1,5 lần mức lương cơ sở", ReviewedResult(House), LeadsCluster),
            [GiayKhen] = Both(0.3m, 0.6m, House + ": 0,3 lần mức lương cơ sở, tập thể gấp đôi (chưa tra được mức của Nghị định 98/2023/NĐ-CP)"),
            [BangKhenTinh] = Both(1.0m, 2.0m, House + ": 1,0 lần mức lương cơ sở, tập thể gấp đôi (chưa tra được mức của Nghị định 98/2023/NĐ-CP)", InitiativeOrBaseFighter),
            [BangKhenTong] = Both(0m, 0m, "Do Tổng Liên đoàn chi theo quy chế riêng (không phát sinh nghĩa vụ của đơn vị)", HoldsProvincialCommendation),
            [LaoDongSangTao] = Individual(0m, "Do Tổng Liên đoàn chi theo quy chế riêng (không phát sinh nghĩa vụ của đơn vị)", HasRecognisedInitiative(House)),
        });

    public static IReadOnlyList<CommendationRuleSet> Versions { get; } = [Law2013Set, Law2022Set];

    /// <summary>The rule set that judges the achievements of <paramref name="year"/>: the one in force on 31/12 of that year.</summary>
    public static CommendationRuleSet ForYear(int year) => InForceOn(new DateOnly(year, 12, 31));

    public static CommendationRuleSet InForceOn(DateOnly date) => Versions.Where(v => v.EffectiveFrom <= date).MaxBy(v => v.EffectiveFrom)!;

    /// <summary>Runs every rule of the form for one nominee.</summary>
    public static IReadOnlyList<RuleResult> Check(CommendationRuleSet set, string formCode, EligibilityFacts facts) =>
        set.For(formCode).Rules.Select(r => r.Run(facts)).ToList();

    // ---- Prize money ------------------------------------------------------------------------------------------------

    /// <summary>
    /// The base salary (mức lương cơ sở) by date: 1,490,000 from 01/07/2019 (Decree 38/2019/NĐ-CP, confirmed in the
    /// texts found); 1,800,000 from 01/07/2023 (Decree 24/2023/NĐ-CP) and 2,340,000 from 01/07/2024 (Decree
    /// 73/2024/NĐ-CP) — these two from memory, not confirmed in the texts found.
    /// </summary>
    public static IReadOnlyList<(DateOnly From, decimal Amount, string Basis)> BaseSalaries { get; } =
    [
        (new DateOnly(2019, 7, 1), 1_490_000m, "Nghị định 38/2019/NĐ-CP"),
        (new DateOnly(2023, 7, 1), 1_800_000m, "Nghị định 24/2023/NĐ-CP"),
        (new DateOnly(2024, 7, 1), 2_340_000m, "Nghị định 73/2024/NĐ-CP"),
    ];

    public static (decimal Amount, string Basis) BaseSalaryOn(DateOnly date) =>
        BaseSalaries.Where(s => s.From <= date).Select(s => (s.Amount, s.Basis)).LastOrDefault() is { Amount: > 0 } found ? found : (BaseSalaries[0].Amount, BaseSalaries[0].Basis);

    /// <summary>The prize of one nominee: coefficient × base salary on the decision date (exact VND; never rounded here).</summary>
    public static decimal Prize(CommendationRuleSet set, string formCode, NomineeKind kind, DateOnly decisionDate)
    {
        var form = set.For(formCode);
        var coefficient = kind == NomineeKind.Person ? form.PersonCoefficient : form.CollectiveCoefficient;
        return coefficient * BaseSalaryOn(decisionDate).Amount;
    }
}
