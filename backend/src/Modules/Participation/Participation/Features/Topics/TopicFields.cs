using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Domain;
using Khcn.Organization.Contracts;
using Khcn.Participation.Domain;
using Mediator;

namespace Khcn.Participation.Features.Topics;

/// <summary>A line of the requested budget: the source that pays, what for, and the amount in VND (exact, positive).</summary>
public sealed record TopicBudgetLineInput
{
    public TopicFundingSource Source { get; init; }
    public string Item { get; init; } = "";
    public decimal Amount { get; init; }
}

/// <summary>The content of a proposal (thuyết minh đề tài). People are officials picked in the SPA (never typed).</summary>
public abstract record TopicFields
{
    public string Title { get; init; } = "";
    public string Field { get; init; } = "";
    /// <summary>The lead (chủ nhiệm đề tài), an official.</summary>
    public Guid LeadOfficialId { get; init; }
    /// <summary>The other members, officials.</summary>
    public IReadOnlyList<Guid> MemberOfficialIds { get; init; } = [];
    public string Objectives { get; init; } = "";
    public string ExpectedProducts { get; init; } = "";
    /// <summary>Duration in months (1–60).</summary>
    public int DurationMonths { get; init; }
    public IReadOnlyList<TopicBudgetLineInput> BudgetLines { get; init; } = [];
}

internal static class TopicFieldRules
{
    public static void AddTopicRules<T>(this AbstractValidator<T> v) where T : TopicFields
    {
        v.RuleFor(x => x.Title).NotEmpty().MaximumLength(300);
        v.RuleFor(x => x.Field).NotEmpty().MaximumLength(200);
        v.RuleFor(x => x.LeadOfficialId).NotEmpty().WithMessage("Pick the lead.", "Chọn chủ nhiệm đề tài.");
        v.RuleFor(x => x.MemberOfficialIds).Must(m => m.Count <= 30).WithMessage("At most 30 members.", "Tối đa 30 thành viên.");
        v.RuleFor(x => x.Objectives).NotEmpty().MaximumLength(4000);
        v.RuleFor(x => x.ExpectedProducts).NotEmpty().MaximumLength(4000);
        v.RuleFor(x => x.DurationMonths).InclusiveBetween(1, 60);
        v.RuleFor(x => x.BudgetLines).NotEmpty().WithMessage("Add the budget lines.", "Nhập dự toán kinh phí theo nguồn.");
        v.RuleForEach(x => x.BudgetLines).ChildRules(l =>
        {
            l.RuleFor(x => x.Source).IsInEnum();
            l.RuleFor(x => x.Item).NotEmpty().MaximumLength(300);
            l.RuleFor(x => x.Amount).GreaterThan(0).WithMessage("An amount is positive.", "Số tiền phải lớn hơn 0.")
                .Must(a => decimal.Round(a, 0) == a).WithMessage("Whole đồng.", "Số tiền tính bằng đồng, không có phần lẻ.");
        });
    }

    /// <summary>Resolves the picked officials through the Organization module (404 for an unknown one) into the domain's details.</summary>
    public static async Task<TopicDetails> ToDetailsAsync(this TopicFields f, IMediator mediator, CancellationToken ct)
    {
        var ids = f.MemberOfficialIds.Prepend(f.LeadOfficialId).Distinct().ToList();
        var officials = (await mediator.Send(new GetOfficialsForNomination(ids), ct)).ToDictionary(o => o.Id);
        if (ids.FirstOrDefault(id => !officials.ContainsKey(id)) is var unknown && unknown != Guid.Empty)
            throw new NotFoundException(Localized.Text("Official", "cán bộ"), unknown);
        TopicPerson Person(Guid id) { var o = officials[id]; return new TopicPerson(o.Id, o.FullName, o.Email, o.Position); }
        return new TopicDetails(f.Title, f.Field, Person(f.LeadOfficialId), f.MemberOfficialIds.Select(Person).ToList(), f.Objectives, f.ExpectedProducts,
            f.DurationMonths, f.BudgetLines.Select(l => new TopicBudget(l.Source, l.Item, l.Amount)).ToList());
    }
}
