using System.Linq.Expressions;
using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Labour;

/// <summary>
/// A year's labour figures of the enterprises in the caller's scope, summed by sector, ownership, industrial zone or
/// district (key: the enum name, the zone or district; null for enterprises outside any zone).
/// </summary>
public sealed record GetLabourAggregates : IQuery<LabourAggregates>
{
    public const string Route = "/api/v1/organization/labour/aggregates";
    public int Year { get; init; }
    /// <summary>Only the enterprises kept by this unit and the units below it.</summary>
    public Guid? Within { get; init; }
    /// <summary>sector (default), ownership, zone or district.</summary>
    public string? By { get; init; }
}

/// <summary>One group of the aggregate view. averageIncome is weighted by workforce (whole VND; none when the group has no workers).</summary>
public sealed record LabourAggregateRow(string? Key, int Enterprises, long Workforce, long Women, long UnionMembers, decimal? AverageIncome,
    int CbaSigned, long Disputes, long Stoppages, long Dialogues);

public sealed record LabourAggregates(int Year, string By, IReadOnlyList<LabourAggregateRow> Rows, LabourAggregateRow Totals);

internal sealed class GetLabourAggregatesValidator : AbstractValidator<GetLabourAggregates>
{
    private static readonly string[] Groupings = ["sector", "ownership", "zone", "district"];

    public GetLabourAggregatesValidator()
    {
        RuleFor(x => x.Year).InclusiveBetween(LabourRules.FirstYear, 2100);
        RuleFor(x => x.By).Must(b => b is null || Groupings.Contains(b, StringComparer.OrdinalIgnoreCase))
            .WithMessage("Group by sector, ownership, zone or district.", "Chỉ nhóm theo ngành nghề, loại hình sở hữu, khu công nghiệp hoặc huyện.");
    }
}

/// <summary>
/// Grouped in SQL on both engines. EF's SQLite provider cannot SUM decimals, so the income is summed as
/// income × workforce in double precision: incomes are whole dong and the products stay far below 2^53, so the sums
/// are exact and the weighted average, rounded to the dong, is correct.
/// </summary>
internal sealed class GetLabourAggregatesHandler(OrganizationDbContext db) : IQueryHandler<GetLabourAggregates, LabourAggregates>
{
    private sealed record Group(string? Key, int Enterprises, long Workforce, long Women, long UnionMembers, double IncomeTimesWorkforce,
        int CbaSigned, long Disputes, long Stoppages, long Dialogues);

    public async ValueTask<LabourAggregates> Handle(GetLabourAggregates query, CancellationToken ct)
    {
        var figures = db.EnterpriseFigures.AsNoTracking().Where(f => f.Year == query.Year);
        if (query.Within is { } within)
        {
            var path = await db.SubtreePathOfAsync(within, ct);
            figures = figures.WhereUnder(f => f.Enterprise!.Unit!.Path, path);
        }
        var by = (query.By ?? "sector").ToLowerInvariant();
        var groups = by switch
        {
            "ownership" => await GroupAsync(figures, f => f.Enterprise!.Ownership, k => k.ToString(), ct),
            "zone" => await GroupAsync(figures, f => f.Enterprise!.IndustrialZone, k => k, ct),
            "district" => await GroupAsync(figures, f => f.Enterprise!.District, k => k, ct),
            _ => await GroupAsync(figures, f => f.Enterprise!.Sector, k => k.ToString(), ct),
        };
        var rows = groups.OrderByDescending(g => g.Workforce).ThenBy(g => g.Key).Select(ToRow).ToList();
        var totals = ToRow(new Group(null, groups.Sum(g => g.Enterprises), groups.Sum(g => g.Workforce), groups.Sum(g => g.Women),
            groups.Sum(g => g.UnionMembers), groups.Sum(g => g.IncomeTimesWorkforce), groups.Sum(g => g.CbaSigned), groups.Sum(g => g.Disputes),
            groups.Sum(g => g.Stoppages), groups.Sum(g => g.Dialogues)));
        return new LabourAggregates(query.Year, by, rows, totals);
    }

    private static async Task<List<Group>> GroupAsync<TKey>(IQueryable<EnterpriseYearFigures> figures,
        Expression<Func<EnterpriseYearFigures, TKey>> key, Func<TKey, string?> name, CancellationToken ct)
    {
        var grouped = await figures.GroupBy(key).Select(g => new
        {
            g.Key,
            Enterprises = g.Count(),
            Workforce = g.Sum(f => (long)f.Workforce),
            Women = g.Sum(f => (long)f.Women),
            UnionMembers = g.Sum(f => (long)f.UnionMembers),
            IncomeTimesWorkforce = g.Sum(f => (double)f.AverageMonthlyIncome * f.Workforce),
            CbaSigned = g.Count(f => f.CbaSigned),
            Disputes = g.Sum(f => (long)f.Disputes),
            Stoppages = g.Sum(f => (long)f.Stoppages),
            Dialogues = g.Sum(f => (long)f.Dialogues),
        }).ToListAsync(ct);
        return grouped.Select(g => new Group(name(g.Key), g.Enterprises, g.Workforce, g.Women, g.UnionMembers, g.IncomeTimesWorkforce,
            g.CbaSigned, g.Disputes, g.Stoppages, g.Dialogues)).ToList();
    }

    private static LabourAggregateRow ToRow(Group g) => new(g.Key, g.Enterprises, g.Workforce, g.Women, g.UnionMembers,
        g.Workforce > 0 ? Math.Round((decimal)g.IncomeTimesWorkforce / g.Workforce, 0, MidpointRounding.AwayFromZero) : null,
        g.CbaSigned, g.Disputes, g.Stoppages, g.Dialogues);
}

internal sealed class GetLabourAggregatesEndpoint(IMediator mediator) : Endpoint<GetLabourAggregates, LabourAggregates>
{
    public override void Configure()
    {
        Get(GetLabourAggregates.Route);
        Policies(Permission.RecordsRead);
        Summary(s => s.Summary = "Sum a year's labour figures by sector, ownership, industrial zone or district");
    }

    public override async Task HandleAsync(GetLabourAggregates req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
