using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Text;
using Khcn.Finance.Access;
using Khcn.Finance.Data;
using Khcn.Finance.Domain;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Finance.Features.Sources;

/// <summary>What the sponsor use cases share: the source in scope (404 outside it), managed by the caller, and the date rules.</summary>
internal static class SponsorFundsSteps
{
    public static async Task<FundingSource> SponsorAsync(FinanceDbContext db, FinanceAccess access, Guid sourceId, CancellationToken ct)
    {
        var source = await db.FundingSources.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sourceId, ct)
                     ?? throw new NotFoundException(Localized.Text("Funding source", "nguồn kinh phí"), sourceId);
        access.DemandManage(source.UnitId);
        SponsorRules.RequireSponsor(source);
        return source;
    }

    /// <summary>Money is recorded on the day it happened, never ahead of today (Vietnam time).</summary>
    public static void NotInFuture(DateOnly date, string field, TimeProvider clock)
    {
        if (date > VietnamTime.Today(clock))
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                [field] = [Localized.Text("The date cannot be in the future.", "Ngày không được sau ngày hôm nay.")],
            });
    }

    public static IRuleBuilderOptions<T, decimal> WholePositiveVnd<T>(this IRuleBuilder<T, decimal> rule) =>
        rule.Must(Money.IsWholePositive).WithMessage(Localized.Text(Money.WholePositiveEn, Money.WholePositiveVi));

    public static IRuleBuilderOptions<T, DateOnly> Dated<T>(this IRuleBuilder<T, DateOnly> rule) =>
        rule.Must(d => d.Year >= FiscalYearRules.FirstYear).WithMessage(Localized.Text("Give the date.", "Nhập ngày."));
}
