using Khcn.BuildingBlocks.Domain;

namespace Khcn.Finance.Domain;

/// <summary>What Participation record left a unit owing money: the kind of <see cref="FundingObligation.RecordId"/>.</summary>
public enum ObligationSourceKind
{
    /// <summary>A recognised initiative's remuneration (InitiativeRecognised).</summary>
    Initiative,
    /// <summary>A contracted research topic's approved budget (TopicFundingCommitted).</summary>
    ResearchTopic,
    /// <summary>A commendation decision's prize money (CommendationAwarded); the record is the proposal.</summary>
    Commendation,
}

/// <summary>Whether an obligation still asks to be funded.</summary>
public enum ObligationState
{
    /// <summary>Recorded and to be funded until allocations fund it in full.</summary>
    Open,
    /// <summary>
    /// The Participation record no longer commits the unit (a contracted topic cancelled: TopicFundingWithdrawn). Nothing
    /// more is to be funded and no new allocation may fund it; what was allocated or paid stays on record (ADR 0013).
    /// </summary>
    Withdrawn,
}

/// <summary>
/// Money a unit owes because of a Participation record — an initiative's remuneration, a contracted topic's budget,
/// a commendation's prize money — "to be funded" by allocations of the matching purpose. The record is another
/// module's: a (<see cref="SourceKind"/>, <see cref="RecordId"/>) pair, never a key. Amounts exact as received (decimal(18,2)).
/// </summary>
internal sealed class FundingObligation : IUnitOwned
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid UnitId { get; private set; }
    public ObligationSourceKind SourceKind { get; private set; }
    /// <summary>The initiative's, topic's or commendation proposal's id in Participation.</summary>
    public Guid RecordId { get; private set; }
    public string Title { get; private set; } = "";
    public string CertificateNumber { get; private set; } = "";
    public DateOnly DecisionDate { get; private set; }
    public string LegalBasis { get; private set; } = "";
    public decimal Total { get; private set; }
    public DateTime RecordedAtUtc { get; private set; }
    public ObligationState State { get; private set; } = ObligationState.Open;
    /// <summary>The day (Vietnam date) the record stopped committing the unit, when <see cref="State"/> is Withdrawn.</summary>
    public DateOnly? WithdrawnOn { get; private set; }
    /// <summary>Why, as the Participation record gave it (a topic's cancellation reason).</summary>
    public string? WithdrawalReason { get; private set; }
    public List<ObligationYear> Years { get; private set; } = [];

    private FundingObligation() { }

    public static FundingObligation Record(Guid unitId, ObligationSourceKind sourceKind, Guid recordId, string title, string certificateNumber, DateOnly decisionDate,
        string legalBasis, IEnumerable<(int Year, DateOnly From, DateOnly To, decimal Authors, decimal Organisers)> years, DateTime nowUtc)
    {
        var o = new FundingObligation
        {
            UnitId = unitId, SourceKind = sourceKind, RecordId = recordId, Title = title, CertificateNumber = certificateNumber, DecisionDate = decisionDate,
            LegalBasis = legalBasis, RecordedAtUtc = nowUtc,
        };
        o.Years.AddRange(years.Select(y => new ObligationYear(o.Id, y.Year, y.From, y.To, y.Authors, y.Organisers)));
        o.Total = o.Years.Sum(y => y.AuthorsTotal + y.OrganisersMinimum);
        return o;
    }

    /// <summary>The budget purpose whose allocations fund this obligation, and the kind of target they pay for.</summary>
    public (BudgetPurpose Purpose, AllocationTargetKind Target) FundedAs => SourceKind switch
    {
        ObligationSourceKind.ResearchTopic => (BudgetPurpose.ResearchTopics, AllocationTargetKind.ResearchTopic),
        ObligationSourceKind.Commendation => (BudgetPurpose.EmulationAndAwards, AllocationTargetKind.Commendation),
        _ => (BudgetPurpose.InitiativeRemuneration, AllocationTargetKind.InitiativeRemuneration),
    };

    /// <summary>
    /// Rule: the obligation no longer asks anyone to fund it once withdrawn. Idempotent: a second withdrawal keeps the
    /// first date and reason. Allocations already made are left as they are (money is never deleted, ADR 0013).
    /// </summary>
    public void Withdraw(DateOnly on, string reason)
    {
        if (State == ObligationState.Withdrawn) return;
        State = ObligationState.Withdrawn;
        WithdrawnOn = on;
        WithdrawalReason = reason.Length <= 2000 ? reason : reason[..2000];
    }

    /// <summary>
    /// What one allocation funds of its obligation: a settled allocation what it spent, an open one what it holds (the one
    /// definition the obligations page and the finance to-dos share, issue #12).
    /// </summary>
    public static decimal FundedBy(AllocationStatus status, decimal amount, decimal? spentAmount) =>
        status == AllocationStatus.Settled ? spentAmount ?? 0m : amount;

    /// <summary>What is still to be funded given what allocations fund of it: nothing once withdrawn, never below 0.</summary>
    public static decimal StillToBeFunded(ObligationState state, decimal total, decimal funded) =>
        state == ObligationState.Withdrawn ? 0m : Math.Max(0m, total - funded);

    /// <summary>Refuses a new allocation against a withdrawn obligation (409 <c>obligation_withdrawn</c>).</summary>
    public void RequireOpen()
    {
        if (State == ObligationState.Withdrawn)
            throw new BusinessRuleException("obligation_withdrawn", Localized.Text(
                $"This obligation was withdrawn on {WithdrawnOn:dd/MM/yyyy} ({WithdrawalReason}); nothing more is to be funded.",
                $"Nghĩa vụ chi trả này đã được rút ngày {WithdrawnOn:dd/MM/yyyy} (lý do: {WithdrawalReason}); không phân bổ thêm kinh phí cho nghĩa vụ này."));
    }

    /// <summary>Refuses funding this obligation from a budget line of another purpose (a topic from the training line, say).</summary>
    public void RequireFundedFrom(BudgetPurpose purpose)
    {
        if (purpose != FundedAs.Purpose)
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                ["obligationId"] = [Localized.Text($"This obligation is funded from the {FundedAs.Purpose} purpose.",
                    $"Nghĩa vụ này được chi từ mục đích {BudgetPurposeText.Vi(FundedAs.Purpose)}.")],
            });
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
