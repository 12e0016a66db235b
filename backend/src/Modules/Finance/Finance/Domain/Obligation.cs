using Khcn.BuildingBlocks.Domain;

namespace Khcn.Finance.Domain;

/// <summary>
/// Remuneration a unit owes for an initiative it recognised (published by Participation as InitiativeRecognised):
/// to be funded by allocations of purpose "initiative remuneration". Amounts exact as received (decimal(18,2)).
/// </summary>
internal sealed class FundingObligation : IUnitOwned
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid UnitId { get; private set; }
    public Guid InitiativeId { get; private set; }
    public string Title { get; private set; } = "";
    public string CertificateNumber { get; private set; } = "";
    public DateOnly DecisionDate { get; private set; }
    public string LegalBasis { get; private set; } = "";
    public decimal Total { get; private set; }
    public DateTime RecordedAtUtc { get; private set; }
    public List<ObligationYear> Years { get; private set; } = [];

    private FundingObligation() { }

    public static FundingObligation Record(Guid unitId, Guid initiativeId, string title, string certificateNumber, DateOnly decisionDate,
        string legalBasis, IEnumerable<(int Year, DateOnly From, DateOnly To, decimal Authors, decimal Organisers)> years, DateTime nowUtc)
    {
        var o = new FundingObligation
        {
            UnitId = unitId, InitiativeId = initiativeId, Title = title, CertificateNumber = certificateNumber, DecisionDate = decisionDate,
            LegalBasis = legalBasis, RecordedAtUtc = nowUtc,
        };
        o.Years.AddRange(years.Select(y => new ObligationYear(o.Id, y.Year, y.From, y.To, y.Authors, y.Organisers)));
        o.Total = o.Years.Sum(y => y.AuthorsTotal + y.OrganisersMinimum);
        return o;
    }
}

internal sealed class ObligationYear
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid ObligationId { get; private set; }
    public int Year { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public decimal AuthorsTotal { get; private set; }
    public decimal OrganisersMinimum { get; private set; }

    private ObligationYear() { }

    public ObligationYear(Guid obligationId, int year, DateOnly from, DateOnly to, decimal authors, decimal organisers)
    {
        ObligationId = obligationId;
        Year = year;
        From = from;
        To = to;
        AuthorsTotal = authors;
        OrganisersMinimum = organisers;
    }
}
