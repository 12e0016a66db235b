using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Access;
using Khcn.Organization.Contracts;
using Khcn.Organization.Data;
using Mediator;

namespace Khcn.Organization.Features.Reports;

public sealed record NarrativeAnswer(Guid UnitId, string Code, string Name, UnitKind Kind, string? ParentName,
    SubmissionState State, bool Late, DateTime? SubmittedAt, Guid ReportId, string Text);

/// <summary>
/// What the units of a subtree wrote for one narrative indicator (results, difficulties, proposals…), unit by unit,
/// from the reports the synthesis counts (submitted or accepted).
/// </summary>
public sealed record ListNarrativeAnswers : IQuery<PagedResult<NarrativeAnswer>>, IPagedQuery
{
    public const string Route = "/api/v1/organization/reports/periods/{periodId}/synthesis/answers/{indicator}";
    public static string For(Guid periodId, string indicator) => $"/api/v1/organization/reports/periods/{periodId}/synthesis/answers/{Uri.EscapeDataString(indicator)}";
    public Guid PeriodId { get; init; }
    /// <summary>The code of a text indicator of the period's template.</summary>
    public string Indicator { get; init; } = "";
    /// <summary>The unit whose subtree to read (default: the period's unit, or the caller's own).</summary>
    public Guid? Within { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = Paging.DefaultPageSize;
    /// <summary>name (default, by level then code) or submittedAt; prefix '-' for descending.</summary>
    public string? Sort { get; init; }
    /// <summary>Text to find in the unit's code or name or in the answer (case and diacritics ignored).</summary>
    public string? Q { get; init; }
}

internal sealed class ListNarrativeAnswersValidator : AbstractValidator<ListNarrativeAnswers>
{
    public ListNarrativeAnswersValidator()
    {
        this.AddPagingRules("name", "submittedAt");
        RuleFor(x => x.Indicator).NotEmpty().MaximumLength(60);
    }
}

internal sealed class ListNarrativeAnswersHandler(OrganizationDbContext db, SynthesisBuilder builder, NarrativeReader reader)
    : IQueryHandler<ListNarrativeAnswers, PagedResult<NarrativeAnswer>>
{
    public async ValueTask<PagedResult<NarrativeAnswer>> Handle(ListNarrativeAnswers query, CancellationToken ct)
    {
        var period = await PeriodVisibility.FindAsync(db, query.PeriodId, ct);
        var indicator = NarrativeReader.TextIndicator(period, query.Indicator);
        var within = await builder.WithinAsync(period, query.Within, ct);
        IEnumerable<NarrativeRow> rows = await reader.ReadAsync(period, within, [indicator.Code], ct);
        var words = TextSearch.Words(query.Q);
        if (words.Count > 0) rows = rows.Where(r => TextSearch.Matches(VietnameseText.FoldAll(r.Code, r.Name, r.Text), words));
        var desc = query.Descending();
        rows = query.SortField() switch
        {
            "submittedat" => desc ? rows.OrderByDescending(r => r.SubmittedAt) : rows.OrderBy(r => r.SubmittedAt),
            _ when desc => rows.Reverse(),
            _ => rows,
        };
        var page = rows.ToList().ToPage(query);
        var parents = await reader.NamesAsync(page.Items.Select(r => r.ParentId), ct);
        return page.Map(r => new NarrativeAnswer(r.UnitId, r.Code, r.Name, r.Kind,
            r.ParentId is { } p ? parents.GetValueOrDefault(p) : null, SubmissionStates.Of(r.Status), r.Late, r.SubmittedAt, r.ReportId, r.Text));
    }
}

internal sealed class ListNarrativeAnswersEndpoint(IMediator mediator) : Endpoint<ListNarrativeAnswers, PagedResult<NarrativeAnswer>>
{
    public override void Configure()
    {
        Get(ListNarrativeAnswers.Route);
        Policies(Permission.RecordsRead);
        Summary(s =>
        {
            s.Summary = "List the units' answers to a narrative indicator of a period within a subtree";
            s.Responses[404] = "The period, the unit or a text indicator with this code is not found.";
        });
    }

    public override async Task HandleAsync(ListNarrativeAnswers req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
