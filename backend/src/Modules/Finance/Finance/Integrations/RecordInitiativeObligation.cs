using Khcn.BuildingBlocks.Messaging;
using Khcn.Finance.Data;
using Khcn.Finance.Domain;
using Khcn.Participation.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Finance.Integrations;

/// <summary>
/// A recognised initiative leaves its unit owing its authors' (and the first application's organisers')
/// remuneration, year by year: Finance records it as an obligation "to be funded". Once per event (inbox), and once
/// per initiative however often it is published.
/// </summary>
internal sealed class RecordInitiativeObligation(FinanceDbContext db, TimeProvider clock) : IntegrationEventHandler<InitiativeRecognised, FinanceDbContext>(db)
{
    protected override async Task HandleOnceAsync(InitiativeRecognised e, CancellationToken ct)
    {
        if (await Db.Obligations.IgnoreQueryFilters().AnyAsync(o => o.SourceKind == ObligationSourceKind.Initiative && o.RecordId == e.InitiativeId, ct)) return;
        Db.Obligations.Add(FundingObligation.Record(e.UnitId, ObligationSourceKind.Initiative, e.InitiativeId, e.Title, e.CertificateNumber, e.DecisionDate, e.LegalBasis,
            e.Years.Select(y => (y.Year, y.From, y.To, y.AuthorsTotal, y.OrganisersMinimum)), clock.GetUtcNow().UtcDateTime));
    }
}
