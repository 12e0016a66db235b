using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Reports;

/// <summary>One unit's answer to a narrative indicator of a counted (submitted or accepted) report.</summary>
internal sealed record NarrativeRow(string IndicatorCode, Guid UnitId, string Code, string Name, UnitKind Kind, Guid? ParentId, string Path,
    ReportStatus Status, bool Late, DateTime? SubmittedAt, Guid ReportId, string Text);

/// <summary>
/// The answers to a period's narrative (text) indicators within a subtree, read apart from the numeric synthesis so
/// that the synthesis stays one pass over numbers: one query joining values, reports and units by path prefix.
/// The same reports count as for the numbers (submitted or accepted), in the synthesis's order (level, then code).
/// </summary>
internal sealed class NarrativeReader(OrganizationDbContext db)
{
    public async Task<List<NarrativeRow>> ReadAsync(ReportPeriod period, UnionUnit within, IReadOnlyCollection<string> codes, CancellationToken ct)
    {
        var counted = new[] { ReportStatus.Submitted, ReportStatus.Accepted };
        var rows = await (from v in db.ReportValues
                          join r in db.Reports on v.ReportId equals r.Id
                          join u in db.Units.WhereUnder(x => x.Path, within.Path) on r.UnitId equals u.Id
                          where r.PeriodId == period.Id && counted.Contains(r.Status) && codes.Contains(v.IndicatorCode) && v.Text != null
                                && u.Id != period.UnitId
                          select new NarrativeRow(v.IndicatorCode, u.Id, u.Code, u.Name, u.Kind, u.ParentId, u.Path, r.Status, r.Late,
                              r.SubmittedAtUtc, r.Id, v.Text!)).AsNoTracking().ToListAsync(ct);
        return rows.OrderBy(r => r.Path.Length).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();
    }

    public async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid?> unitIds, CancellationToken ct)
    {
        var ids = unitIds.OfType<Guid>().Distinct().ToList();
        return await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
    }

    /// <summary>The period's narrative indicator with this code; 404 when the template has no such text indicator.</summary>
    public static ReportIndicator TextIndicator(ReportPeriod period, string code) =>
        period.Indicators.FirstOrDefault(i => i.Kind == IndicatorKind.Text && string.Equals(i.Code, code, StringComparison.OrdinalIgnoreCase))
        ?? throw new NotFoundException(Localized.Text("Indicator", "chỉ tiêu"), code);
}

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
            r.ParentId is { } p ? parents.GetValueOrDefault(p) : null, ReportAccess.StateOf(r.Status), r.Late, r.SubmittedAt, r.ReportId, r.Text));
    }
}

internal sealed class ListNarrativeAnswersEndpoint(IMediator mediator) : Endpoint<ListNarrativeAnswers, PagedResult<NarrativeAnswer>>
{
    public override void Configure()
    {
        Get(ListNarrativeAnswers.Route);
        Policies(Permission.UnitsRead);
        Summary(s =>
        {
            s.Summary = "List the units' answers to a narrative indicator of a period within a subtree";
            s.Responses[404] = "The period, the unit or a text indicator with this code is not found.";
        });
    }

    public override async Task HandleAsync(ListNarrativeAnswers req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
