using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Http;
using Khcn.Organization.Contracts;
using Khcn.Organization.Domain;
using Khcn.Organization.Integrations;

namespace Khcn.Organization.Features.Reports;

/// <summary>The standard template (domain.md §5: the indicators the federation watches), used when a period is opened without one.</summary>
internal static class DefaultTemplate
{
    public static readonly IReadOnlyList<IndicatorInput> Indicators =
    [
        new() { Code = "focal_official", Name = "Có cán bộ đầu mối KH,CN&ĐMST đang hoạt động", Section = "Tổ chức thực hiện", Kind = IndicatorKind.YesNo, Measure = "đơn vị", Source = IndicatorSources.FocalOfficial },
        new() { Code = "plan_issued", Name = "Đã ban hành kế hoạch thực hiện", Section = "Tổ chức thực hiện", Kind = IndicatorKind.YesNo, Measure = "đơn vị", Source = IndicatorSources.PlanIssued },
        new() { Code = "officials", Name = "Số cán bộ công đoàn của đơn vị", Section = "Tổ chức thực hiện", Kind = IndicatorKind.Number, Measure = "người", Source = IndicatorSources.Officials },
        new() { Code = "campaigns", Name = "Số cuộc tuyên truyền về KH,CN&ĐMST", Section = "Tuyên truyền", Kind = IndicatorKind.Number, Measure = "cuộc", Source = "training.campaigns-held" },
        new() { Code = "people_reached", Name = "Số lượt CNVCLĐ được tuyên truyền", Section = "Tuyên truyền", Kind = IndicatorKind.Number, Measure = "lượt người", Source = "training.people-reached" },
        new() { Code = "courses_held", Name = "Số lớp đào tạo, bồi dưỡng đã tổ chức", Section = "Đào tạo, bồi dưỡng", Kind = IndicatorKind.Number, Measure = "lớp", Source = "training.courses-held" },
        new() { Code = "officials_trained", Name = "Số cán bộ được đào tạo, bồi dưỡng", Section = "Đào tạo, bồi dưỡng", Kind = IndicatorKind.Number, Measure = "người", Source = "training.officials-trained" },
        new() { Code = "officials_trained_expertise", Name = "Trong đó: chuyên môn, nghiệp vụ", Section = "Đào tạo, bồi dưỡng", Kind = IndicatorKind.Number, Measure = "người", Source = "training.officials-trained.expertise" },
        new() { Code = "officials_trained_political_theory", Name = "Trong đó: lý luận chính trị", Section = "Đào tạo, bồi dưỡng", Kind = IndicatorKind.Number, Measure = "người", Source = "training.officials-trained.political-theory" },
        new() { Code = "officials_trained_foreign_language", Name = "Trong đó: ngoại ngữ", Section = "Đào tạo, bồi dưỡng", Kind = IndicatorKind.Number, Measure = "người", Source = "training.officials-trained.foreign-language" },
        new() { Code = "officials_trained_research_methods", Name = "Trong đó: phương pháp nghiên cứu khoa học", Section = "Đào tạo, bồi dưỡng", Kind = IndicatorKind.Number, Measure = "người", Source = "training.officials-trained.research-methods" },
        new() { Code = "officials_trained_innovation_skills", Name = "Trong đó: kỹ năng đổi mới sáng tạo", Section = "Đào tạo, bồi dưỡng", Kind = IndicatorKind.Number, Measure = "người", Source = "training.officials-trained.innovation-skills" },
        new() { Code = "officials_trained_other", Name = "Trong đó: lĩnh vực khác", Section = "Đào tạo, bồi dưỡng", Kind = IndicatorKind.Number, Measure = "người", Source = "training.officials-trained.other" },
        new() { Code = "initiatives_submitted", Name = "Số sáng kiến, cải tiến kỹ thuật đăng ký", Section = "Sáng kiến, cải tiến kỹ thuật", Kind = IndicatorKind.Number, Measure = "sáng kiến", Source = "participation.initiatives-submitted" },
        new() { Code = "initiatives_recognised", Name = "Số sáng kiến được công nhận", Section = "Sáng kiến, cải tiến kỹ thuật", Kind = IndicatorKind.Number, Measure = "sáng kiến", Source = "participation.initiatives-recognised" },
        new() { Code = "initiative_benefit", Name = "Giá trị làm lợi của sáng kiến", Section = "Sáng kiến, cải tiến kỹ thuật", Kind = IndicatorKind.Number, Measure = "VND", Source = "participation.initiative-benefit" },
        new() { Code = "topics_ordered", Name = "Số đề tài, nhiệm vụ được đặt hàng, giao", Section = "Nghiên cứu khoa học", Kind = IndicatorKind.Number, Measure = "đề tài", Source = "participation.topics-ordered" },
        new() { Code = "topics_accepted", Name = "Số đề tài được nghiệm thu", Section = "Nghiên cứu khoa học", Kind = IndicatorKind.Number, Measure = "đề tài", Source = "participation.topics-accepted" },
        new() { Code = "people_honoured", Name = "Số cá nhân được khen thưởng", Section = "Khen thưởng", Kind = IndicatorKind.Number, Measure = "người", Source = "participation.people-honoured" },
        new() { Code = "collectives_honoured", Name = "Số tập thể được khen thưởng", Section = "Khen thưởng", Kind = IndicatorKind.Number, Measure = "tập thể", Source = "participation.collectives-honoured" },
        new() { Code = "funding_approved", Name = "Kinh phí được duyệt cho hoạt động KH,CN&ĐMST (dự toán)", Section = "Kinh phí", Kind = IndicatorKind.Number, Measure = "đồng", Source = "finance.funds-approved" },
        new() { Code = "funding", Name = "Kinh phí đã chi cho hoạt động KH,CN&ĐMST", Section = "Kinh phí", Kind = IndicatorKind.Number, Measure = "đồng", Source = "finance.funds-paid" },
        new() { Code = "funding_union_funds", Name = "Trong đó: kinh phí công đoàn", Section = "Kinh phí", Kind = IndicatorKind.Number, Measure = "đồng", Source = "finance.funds-paid.union-funds" },
        new() { Code = "funding_state_budget", Name = "Trong đó: ngân sách nhà nước (qua Sở KH&CN)", Section = "Kinh phí", Kind = IndicatorKind.Number, Measure = "đồng", Source = "finance.funds-paid.state-budget" },
        new() { Code = "funding_sponsors", Name = "Trong đó: xã hội hóa, tài trợ", Section = "Kinh phí", Kind = IndicatorKind.Number, Measure = "đồng", Source = "finance.funds-paid.sponsors" },
        new() { Code = "funding_other", Name = "Trong đó: nguồn hợp pháp khác", Section = "Kinh phí", Kind = IndicatorKind.Number, Measure = "đồng", Source = "finance.funds-paid.other" },
        new() { Code = "funding_settled", Name = "Kinh phí đã quyết toán", Section = "Kinh phí", Kind = IndicatorKind.Number, Measure = "đồng", Source = "finance.funds-settled" },
        new() { Code = "highlights", Name = "Kết quả nổi bật", Section = "Đánh giá chung", Kind = IndicatorKind.Text },
        new() { Code = "difficulties", Name = "Khó khăn, vướng mắc", Section = "Đánh giá chung", Kind = IndicatorKind.Text },
        new() { Code = "proposals", Name = "Đề xuất, kiến nghị", Section = "Đánh giá chung", Kind = IndicatorKind.Text },
    ];
}

internal static class ReportPeriodRules
{
    public const int MinYear = 2000;

    public static void AddPeriodRules<T>(this AbstractValidator<T> v, ReportPrefill prefill) where T : ReportPeriodFields
    {
        v.RuleFor(x => x.Title).NotEmpty().MaximumLength(300);
        v.RuleFor(x => x.Deadline).NotEmpty();
        v.RuleFor(x => x.Indicators).Must(i => i is null || i.Count is > 0 and <= 100).WithMessage("A template has between 1 and 100 indicators.", "Mẫu báo cáo có từ 1 đến 100 chỉ tiêu.");
        v.RuleForEach(x => x.Indicators).ChildRules(i =>
        {
            i.RuleFor(x => x.Code).NotEmpty().MaximumLength(60).Matches("^[A-Za-z0-9_-]+$").WithMessage("Use letters, digits, '_' or '-'.", "Chỉ dùng chữ cái, chữ số, '_' hoặc '-'.");
            i.RuleFor(x => x.Name).NotEmpty().MaximumLength(300);
            i.RuleFor(x => x.Section).NotEmpty().MaximumLength(200);
            i.RuleFor(x => x.Kind).IsInEnum();
            i.RuleFor(x => x.Measure).MaximumLength(40);
            i.RuleFor(x => x.Source).Must(s => s is null || prefill.Sources.Any(p => p.Key == s)).WithMessage("Unknown source; see GET /api/v1/organization/reports/catalogue.", "Nguồn số liệu không tồn tại; xem GET /api/v1/organization/reports/catalogue.");
            i.RuleFor(x => x.Source).Null().When(x => x.Kind == IndicatorKind.Text).WithMessage("Only number and yes/no indicators can be pre-filled.", "Chỉ chỉ tiêu dạng số hoặc có/không mới được điền sẵn.");
        });
    }

    public static IReadOnlyList<IndicatorDefinition> ToDefinitions(IReadOnlyList<IndicatorInput>? inputs) =>
        (inputs ?? DefaultTemplate.Indicators).Select(i => new IndicatorDefinition(i.Code, i.Name, i.Section, i.Kind, i.Measure, i.Source)).ToList();

    public static ReportPeriodDetail ToDetail(ReportPeriod p, string unitName, bool locked) =>
        new(p.Id, p.UnitId, unitName, p.Year, p.Title, p.Deadline,
            p.Indicators.OrderBy(i => i.Position).Select(i => new IndicatorView(i.Code, i.Name, i.Section, i.Kind, i.Measure, i.Source)).ToList(),
            locked, p.Version, p.CreatedAtUtc, p.UpdatedAtUtc);
}

/// <summary>The editable fields of a reporting period.</summary>
public abstract record ReportPeriodFields
{
    public string Title { get; init; } = "";
    /// <summary>Last day for the units to submit (Vietnam date).</summary>
    public DateOnly Deadline { get; init; }
    /// <summary>The template: on create, omitted = the standard template of the plan's indicators; on update, omitted = unchanged.</summary>
    public IReadOnlyList<IndicatorInput>? Indicators { get; init; }
}
