using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Mediator;

namespace Khcn.Organization.Features.Reports;

/// <summary>Who is expected to report in a period, within a subtree, and where each stands.</summary>
public sealed record ListSubmissions : IQuery<PagedResult<SubmissionItem>>, IPagedQuery
{
    public const string Route = "/api/v1/organization/reports/periods/{periodId}/submissions";
    public Guid PeriodId { get; init; }
    public Guid? Within { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = Paging.DefaultPageSize;
    /// <summary>name (default, by level then code), state or submittedAt; prefix '-' for descending.</summary>
    public string? Sort { get; init; }
    /// <summary>Text to find in the unit's code or name (case and diacritics ignored).</summary>
    public string? Q { get; init; }
    /// <summary>Only units in this state.</summary>
    public SubmissionState? State { get; init; }
    /// <summary>onTime, late or missing (not submitted).</summary>
    public string? Timeliness { get; init; }
}

internal sealed class ListSubmissionsValidator : AbstractValidator<ListSubmissions>
{
    public ListSubmissionsValidator()
    {
        this.AddPagingRules("name", "state", "submittedAt");
        RuleFor(x => x.State).IsInEnum();
        RuleFor(x => x.Timeliness).Must(t => t is null or "onTime" or "late" or "missing").WithMessage("Use onTime, late or missing.", "Chỉ dùng onTime, late hoặc missing.");
    }
}

internal sealed class ListSubmissionsHandler(SynthesisBuilder builder) : IQueryHandler<ListSubmissions, PagedResult<SubmissionItem>>
{
    public async ValueTask<PagedResult<SubmissionItem>> Handle(ListSubmissions query, CancellationToken ct)
    {
        var data = await builder.BuildAsync(query.PeriodId, query.Within, ct);
        IEnumerable<SubmissionRow> rows = data.Rows;
        if (query.State is { } state) rows = rows.Where(r => r.State == state);
        rows = query.Timeliness switch
        {
            "onTime" => rows.Where(r => r.Submitted && !r.Late),
            "late" => rows.Where(r => r.Submitted && r.Late),
            "missing" => rows.Where(r => !r.Submitted),
            _ => rows,
        };
        var words = TextSearch.Words(query.Q);
        if (words.Count > 0) rows = rows.Where(r => TextSearch.Matches(VietnameseText.FoldAll(r.Code, r.Name), words));
        var desc = query.Descending();
        rows = query.SortField() switch
        {
            "state" => desc ? rows.OrderByDescending(r => r.State) : rows.OrderBy(r => r.State),
            "submittedat" => desc ? rows.OrderByDescending(r => r.SubmittedAt) : rows.OrderBy(r => r.SubmittedAt),
            _ when desc => rows.Reverse(),
            _ => rows,
        };
        return rows.ToList().ToPage(query).Map(r => new SubmissionItem(r.UnitId, r.Code, r.Name, r.Kind,
            data.ParentNames.GetValueOrDefault(r.UnitId), r.Active, r.State, r.Late, r.SubmittedAt, r.ReportId));
    }
}

internal sealed class ListSubmissionsEndpoint(IMediator mediator) : Endpoint<ListSubmissions, PagedResult<SubmissionItem>>
{
    public override void Configure()
    {
        Get(ListSubmissions.Route);
        Policies(Permission.RecordsRead);
        Summary(s => s.Summary = "List who reports in a period within a subtree, and where each stands");
    }

    public override async Task HandleAsync(ListSubmissions req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
