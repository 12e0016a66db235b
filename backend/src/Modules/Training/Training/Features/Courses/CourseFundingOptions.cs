using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.Finance.Contracts;
using Khcn.Training.Access;
using Khcn.Training.Domain;
using Mediator;

namespace Khcn.Training.Features.Courses;

/// <summary>An allocation a course can be funded from, as the course form's picker shows it (amount in exact VND).</summary>
public sealed record CourseFundingOption(Guid Id, int Year, string Label, decimal Amount);

/// <summary>
/// The allocations of a unit's training budget a course of that unit can be funded from (#14): open, made for a
/// course, and not for another course. <see cref="CourseId"/> is the course being edited, if any.
/// </summary>
public sealed record ListCourseFundingOptions : IQuery<IReadOnlyList<CourseFundingOption>>
{
    public const string Route = "/api/v1/training/courses/funding-options";
    /// <summary>The unit that requests the course.</summary>
    public Guid UnitId { get; init; }
    public Guid? CourseId { get; init; }
}

internal sealed class ListCourseFundingOptionsValidator : AbstractValidator<ListCourseFundingOptions>
{
    public ListCourseFundingOptionsValidator() => RuleFor(x => x.UnitId).NotEmpty();
}

internal sealed class ListCourseFundingOptionsHandler(TrainingAccess access, IMediator mediator)
    : IQueryHandler<ListCourseFundingOptions, IReadOnlyList<CourseFundingOption>>
{
    public async ValueTask<IReadOnlyList<CourseFundingOption>> Handle(ListCourseFundingOptions query, CancellationToken ct)
    {
        access.Access.Demand(Permission.CoursesManage, query.UnitId, Localized.Text("Unit", "đơn vị"), query.UnitId);
        var options = await mediator.Send(new GetCourseFundingOptions(query.UnitId, query.CourseId), ct);
        return options.Select(o => new CourseFundingOption(o.Id, o.Year, o.Label, o.Amount)).ToList();
    }
}

internal sealed class ListCourseFundingOptionsEndpoint(IMediator mediator) : Endpoint<ListCourseFundingOptions, IReadOnlyList<CourseFundingOption>>
{
    public override void Configure()
    {
        Get(ListCourseFundingOptions.Route);
        Policies(Permission.CoursesManage);
        Summary(s => s.Summary = "The training allocations of a unit a course can be funded from (the course form's picker)");
    }

    public override async Task HandleAsync(ListCourseFundingOptions req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}

/// <summary>Checks the allocation a course form picked (#14): a training allocation of the requesting unit, open, not another course's.</summary>
internal static class CourseFundingRules
{
    public static async Task<CourseFunding?> ResolveAsync(IMediator mediator, Guid? allocationId, Guid requestingUnitId, Course? course,
        CancellationToken ct)
    {
        if (allocationId is not { } id) return null;
        if (course?.FundingAllocationId == id) return new CourseFunding(id, course.FundingAllocationLabel ?? "");
        var allocation = await mediator.Send(new GetCourseFundingAllocation(id), ct);
        string? problem = null;
        if (allocation is null || allocation.UnitId != requestingUnitId)
            problem = Localized.Text("Pick an allocation of the requesting unit's training budget.",
                "Chọn một khoản phân bổ kinh phí đào tạo của đơn vị đề nghị khóa học.");
        else if (!allocation.Open)
            problem = Localized.Text("That allocation is settled and closed.", "Khoản phân bổ này đã quyết toán và đóng.");
        else if (allocation.TargetId is { } target && target != course?.Id)
            problem = Localized.Text("That allocation was made for another course.", "Khoản phân bổ này dành cho một khóa học khác.");
        if (problem is not null)
            throw new RequestValidationException(new Dictionary<string, string[]> { ["fundingAllocationId"] = [problem] });
        return new CourseFunding(id, allocation!.Label);
    }
}
