using Khcn.BuildingBlocks.Domain;

namespace Khcn.Participation.Domain;

/// <summary>A regular movement runs every year; a thematic one runs over its own period.</summary>
public enum MovementKind { Regular, Thematic }

/// <summary>Who a movement addresses: individuals (workers, officials), collectives (units), or both.</summary>
public enum MovementTarget { Individuals, Collectives, Both }

/// <summary>Which units take part: every unit below the launching one, or the units it chose.</summary>
public enum ParticipantsMode { Subtree, ChosenUnits }

/// <summary>The content of a movement as its launching unit edits it.</summary>
internal sealed record MovementDetails(string Name, MovementKind Kind, MovementTarget Target, int FromYear, int? ToYear,
    DateOnly? PeriodFrom, DateOnly? PeriodTo, DateOnly RegistrationDeadline, ParticipantsMode Participants, IReadOnlyList<Guid> ChosenUnitIds,
    IReadOnlyList<CriterionDetails> Criteria);

internal sealed record CriterionDetails(Guid? Id, string Name, decimal MaxPoints, string Evidence);

/// <summary>
/// An emulation movement (phong trào thi đua) launched by a union unit — e.g. "Lao động giỏi – Lao động sáng tạo" —
/// with its criteria (maximum points, how each is evidenced) and participating units. Read by the launching unit's
/// subtree (units below read what applies downwards). Units register for it year by year; the launching unit closes
/// a year, after which nothing of that year changes (409 <c>emulation_year_closed</c>).
/// </summary>
internal sealed class Movement : Entity
{
    private Movement() { }

    public Guid UnitId { get; private set; }
    public string Name { get; private set; } = "";
    public MovementKind Kind { get; private set; }
    public MovementTarget Target { get; private set; }
    public int FromYear { get; private set; }
    public int? ToYear { get; private set; }
    public DateOnly? PeriodFrom { get; private set; }
    public DateOnly? PeriodTo { get; private set; }
    /// <summary>The registration deadline of the first year; later years use the same day and month.</summary>
    public DateOnly RegistrationDeadline { get; private set; }
    public ParticipantsMode Participants { get; private set; }
    public string LaunchedBy { get; private set; } = "";
    public List<MovementUnit> ChosenUnits { get; private set; } = [];
    public List<MovementCriterion> Criteria { get; private set; } = [];
    public List<MovementYearClosure> ClosedYears { get; private set; } = [];

    public static Movement Launch(Guid unitId, MovementDetails details, Actor by)
    {
        var m = new Movement { UnitId = unitId, LaunchedBy = by.Name };
        m.Apply(details, hasRegistrations: false);
        return m;
    }

    /// <summary>Changes the content. Criteria are fixed once a unit has registered (its scores refer to them).</summary>
    public void Revise(MovementDetails details, bool hasRegistrations) => Apply(details, hasRegistrations);

    private void Apply(MovementDetails d, bool hasRegistrations)
    {
        if (d.Kind == MovementKind.Thematic && (d.PeriodFrom is null || d.PeriodTo is null || d.PeriodTo < d.PeriodFrom))
            throw new BusinessRuleException("movement_period", Localized.Text("A thematic movement needs its period (from ≤ to).",
                "Phong trào theo chuyên đề phải có thời gian thực hiện (từ ngày ≤ đến ngày)."),
                new Dictionary<string, string[]> { ["periodTo"] = [Localized.Text("Give the period.", "Nhập thời gian thực hiện.")] });
        var criteriaChanged = d.Criteria.Count != Criteria.Count || d.Criteria.Zip(Criteria.OrderBy(c => c.Order))
            .Any(p => p.First.Id != p.Second.Id || p.First.Name != p.Second.Name || p.First.MaxPoints != p.Second.MaxPoints || p.First.Evidence != p.Second.Evidence);
        if (criteriaChanged && hasRegistrations)
            throw new BusinessRuleException("movement_criteria_fixed", Localized.Text("Units have registered for this movement: its criteria can no longer change.",
                "Đã có đơn vị đăng ký thi đua: không sửa được tiêu chí của phong trào."));
        Name = d.Name.Trim();
        Kind = d.Kind;
        Target = d.Target;
        if (d.Kind == MovementKind.Thematic)
        {
            PeriodFrom = d.PeriodFrom;
            PeriodTo = d.PeriodTo;
            FromYear = d.PeriodFrom!.Value.Year;
            ToYear = d.PeriodTo!.Value.Year;
        }
        else
        {
            PeriodFrom = PeriodTo = null;
            FromYear = d.FromYear;
            ToYear = d.ToYear;
        }
        RegistrationDeadline = d.RegistrationDeadline;
        Participants = d.Participants;
        ChosenUnits.Clear();
        if (d.Participants == ParticipantsMode.ChosenUnits)
            ChosenUnits.AddRange(d.ChosenUnitIds.Distinct().Select(u => new MovementUnit { MovementId = Id, UnitId = u }));
        if (!criteriaChanged) return;
        Criteria.Clear();
        Criteria.AddRange(d.Criteria.Select((c, n) => new MovementCriterion
        {
            Id = Guid.CreateVersion7(), MovementId = Id, Order = n + 1, Name = c.Name.Trim(), MaxPoints = c.MaxPoints, Evidence = c.Evidence.Trim(),
        }));
    }

    public bool RunsIn(int year) => year >= FromYear && (ToYear is null || year <= ToYear);

    public DateOnly DeadlineIn(int year) => new(year, RegistrationDeadline.Month, Math.Min(RegistrationDeadline.Day, DateTime.DaysInMonth(year, RegistrationDeadline.Month)));

    public bool IsClosed(int year) => ClosedYears.Any(c => c.Year == year);

    /// <summary>The one guard of every change to a year's registrations, scores and reviews.</summary>
    public void EnsureOpen(int year)
    {
        if (IsClosed(year))
            throw new BusinessRuleException("emulation_year_closed", Localized.Text($"The emulation year {year} of this movement is closed: nothing of it changes any more.",
                $"Năm thi đua {year} của phong trào đã được khoá sổ: không thay đổi được nữa."));
    }

    public void EnsureRuns(int year)
    {
        if (!RunsIn(year))
            throw new BusinessRuleException("movement_not_running", Localized.Text($"The movement does not run in {year}.",
                $"Phong trào không diễn ra trong năm {year}."), new Dictionary<string, string[]> { ["year"] = [Localized.Text("Choose a year of the movement.", "Chọn năm thuộc thời gian của phong trào.")] });
    }

    /// <summary>The launching unit closes a year: the ranking becomes final and the year's records are locked.</summary>
    public void CloseYear(int year, Actor by, DateTime nowUtc)
    {
        EnsureRuns(year);
        EnsureOpen(year);
        ClosedYears.Add(new MovementYearClosure { MovementId = Id, Year = year, ClosedBy = by.Name, ClosedAtUtc = nowUtc });
    }
}

/// <summary>A unit the launching unit chose to take part.</summary>
internal sealed class MovementUnit
{
    public Guid MovementId { get; set; }
    public Guid UnitId { get; set; }
}

/// <summary>A criterion of a movement: its maximum points and how a unit evidences it.</summary>
internal sealed class MovementCriterion
{
    public Guid Id { get; set; }
    public Guid MovementId { get; set; }
    public int Order { get; set; }
    public string Name { get; set; } = "";
    public decimal MaxPoints { get; set; }
    public string Evidence { get; set; } = "";
}

/// <summary>A year of a movement the launching unit closed.</summary>
internal sealed class MovementYearClosure
{
    public Guid MovementId { get; set; }
    public int Year { get; set; }
    public string ClosedBy { get; set; } = "";
    public DateTime ClosedAtUtc { get; set; }
}
