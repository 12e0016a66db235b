using Khcn.BuildingBlocks.Domain;

namespace Khcn.Participation.Domain;

/// <summary>Where a unit's registration for a movement's year stands.</summary>
public enum RegistrationStatus { Registered, SelfScored, Reviewed }

/// <summary>What evidences a score: a record of this module (a recognised initiative), a link, or a statement.</summary>
public enum EvidenceKind { Initiative, Link, Text }

internal sealed record RegisteredPersonDetails(Guid OfficialId, string FullName, string AimedTitle);

internal sealed record EvidenceDetails(EvidenceKind Kind, Guid? RecordId, string Label, string? Url);

internal sealed record SelfScoreDetails(Guid CriterionId, decimal Points, string? Note, IReadOnlyList<EvidenceDetails> Evidence);

internal sealed record ReviewDetails(Guid CriterionId, decimal Points, string? Comment);

/// <summary>
/// A unit's registration (đăng ký thi đua) for one year of a movement: its collective targets, the titles it aims for
/// and its individuals' registrations; late when made after the year's deadline. Then its self-scores per criterion
/// with evidence, and the upper unit's review (adjusted points with a comment). Owned by the registering unit (the
/// scope filter: 404 outside). Its version is its ETag: two reviewers adjusting the same scores — one gets 412.
/// </summary>
internal sealed class Registration : Entity, IUnitOwned
{
    private Registration() { }

    public Guid MovementId { get; private set; }
    public Guid UnitId { get; private set; }
    public int Year { get; private set; }
    public DateOnly Deadline { get; private set; }
    public DateOnly RegisteredOn { get; private set; }
    public bool Late { get; private set; }
    public string Targets { get; private set; } = "";
    public string? AimedTitles { get; private set; }
    public string RegisteredBy { get; private set; } = "";
    public RegistrationStatus Status { get; private set; }
    public DateTime? SelfScoredAtUtc { get; private set; }
    public string? ReviewedBy { get; private set; }
    public DateTime? ReviewedAtUtc { get; private set; }
    /// <summary>The final total (reviewed points where reviewed, else self points), kept for the ranking.</summary>
    public decimal Total { get; private set; }
    public List<RegisteredPerson> People { get; private set; } = [];
    public List<CriterionScore> Scores { get; private set; } = [];
    public List<ScoreEvidence> Evidence { get; private set; } = [];

    public static Registration Register(Movement movement, Guid unitId, int year, string targets, string? aimedTitles,
        IReadOnlyList<RegisteredPersonDetails> people, Actor by, DateOnly today)
    {
        movement.EnsureRuns(year);
        movement.EnsureOpen(year);
        var deadline = movement.DeadlineIn(year);
        var r = new Registration
        {
            MovementId = movement.Id, UnitId = unitId, Year = year, Deadline = deadline, RegisteredOn = today, Late = today > deadline,
            Targets = targets.Trim(), AimedTitles = aimedTitles?.Trim(), RegisteredBy = by.Name, Status = RegistrationStatus.Registered,
        };
        r.People.AddRange(people.DistinctBy(p => p.OfficialId).Select(p => new RegisteredPerson
        {
            RegistrationId = r.Id, OfficialId = p.OfficialId, FullName = p.FullName, AimedTitle = p.AimedTitle.Trim(),
        }));
        return r;
    }

    /// <summary>
    /// The unit scores itself on every criterion it lists, each between 0 and the criterion's maximum (409
    /// <c>score_above_maximum</c>). Refused once reviewed (409 <c>registration_reviewed</c>).
    /// </summary>
    public void SelfScore(Movement movement, IReadOnlyList<SelfScoreDetails> scores, DateTime nowUtc)
    {
        movement.EnsureOpen(Year);
        if (Status == RegistrationStatus.Reviewed)
            throw new BusinessRuleException("registration_reviewed", Localized.Text("The upper unit has reviewed these scores: they can no longer be self-scored.",
                "Đơn vị cấp trên đã thẩm định kết quả: không tự chấm lại được."));
        var criteria = CheckPoints(movement, scores.Select(s => (s.CriterionId, s.Points)).ToList(), "scores");
        foreach (var s in scores)
        {
            var score = Scores.FirstOrDefault(x => x.CriterionId == s.CriterionId);
            if (score is null) Scores.Add(score = new CriterionScore { RegistrationId = Id, CriterionId = s.CriterionId });
            score.SelfPoints = s.Points;
            score.SelfNote = s.Note?.Trim();
            Evidence.RemoveAll(e => e.CriterionId == s.CriterionId);
            Evidence.AddRange(s.Evidence.Select((e, n) => new ScoreEvidence
            {
                Id = Guid.CreateVersion7(), RegistrationId = Id, CriterionId = s.CriterionId, Order = n + 1, Kind = e.Kind, RecordId = e.RecordId,
                Label = e.Label.Trim(), Url = e.Url?.Trim(),
            }));
        }
        _ = criteria;
        Status = RegistrationStatus.SelfScored;
        SelfScoredAtUtc = nowUtc;
        Total = FinalTotal();
    }

    /// <summary>
    /// The upper unit adjusts scores, each within the criterion's maximum; a changed score needs a comment (409
    /// <c>review_comment_required</c>). Only after the unit has self-scored (409 <c>registration_not_scored</c>).
    /// </summary>
    public void Review(Movement movement, IReadOnlyList<ReviewDetails> adjustments, Actor by, DateTime nowUtc)
    {
        movement.EnsureOpen(Year);
        if (Status == RegistrationStatus.Registered)
            throw new BusinessRuleException("registration_not_scored", Localized.Text("The unit has not scored itself yet.",
                "Đơn vị chưa tự chấm điểm."));
        CheckPoints(movement, adjustments.Select(a => (a.CriterionId, a.Points)).ToList(), "adjustments");
        for (var n = 0; n < adjustments.Count; n++)
        {
            var a = adjustments[n];
            var score = Scores.FirstOrDefault(x => x.CriterionId == a.CriterionId);
            if (score is null) Scores.Add(score = new CriterionScore { RegistrationId = Id, CriterionId = a.CriterionId });
            if (a.Points != score.SelfPoints && string.IsNullOrWhiteSpace(a.Comment))
                throw new BusinessRuleException("review_comment_required", Localized.Text("Say why a score is adjusted.",
                    "Phải ghi lý do khi điều chỉnh điểm."), new Dictionary<string, string[]> { [$"adjustments[{n}].comment"] = [Localized.Text("Give the reason.", "Nhập lý do điều chỉnh.")] });
            score.ReviewedPoints = a.Points;
            score.ReviewComment = a.Comment?.Trim();
        }
        Status = RegistrationStatus.Reviewed;
        ReviewedBy = by.Name;
        ReviewedAtUtc = nowUtc;
        Total = FinalTotal();
    }

    public decimal FinalTotal() => Scores.Sum(s => s.Final);

    private static Dictionary<Guid, MovementCriterion> CheckPoints(Movement movement, IReadOnlyList<(Guid CriterionId, decimal Points)> scores, string field)
    {
        var criteria = movement.Criteria.ToDictionary(c => c.Id);
        for (var n = 0; n < scores.Count; n++)
        {
            var (id, points) = scores[n];
            if (!criteria.TryGetValue(id, out var c))
                throw new BusinessRuleException("criterion_unknown", Localized.Text("The criterion is not one of the movement's.",
                    "Tiêu chí không thuộc phong trào."), new Dictionary<string, string[]> { [$"{field}[{n}].criterionId"] = [Localized.Text("Unknown criterion.", "Tiêu chí không tồn tại.")] });
            if (points < 0 || points > c.MaxPoints)
                throw new BusinessRuleException("score_above_maximum", Localized.Text(
                    $"A score is between 0 and the criterion's maximum ({EmulationPoints.Shown(c.MaxPoints)} for \"{c.Name}\").",
                    $"Điểm phải từ 0 đến điểm tối đa của tiêu chí ({EmulationPoints.Shown(c.MaxPoints)} đối với \"{c.Name}\")."),
                    new Dictionary<string, string[]> { [$"{field}[{n}].points"] = [Localized.Text("Above the maximum.", "Vượt điểm tối đa.")] });
        }
        return criteria;
    }
}

/// <summary>An individual the unit registers, with the title they aim for.</summary>
internal sealed class RegisteredPerson
{
    public Guid RegistrationId { get; set; }
    public Guid OfficialId { get; set; }
    public string FullName { get; set; } = "";
    public string AimedTitle { get; set; } = "";
}

/// <summary>A unit's score on one criterion: its own, and the upper unit's adjustment.</summary>
internal sealed class CriterionScore
{
    public Guid RegistrationId { get; set; }
    public Guid CriterionId { get; set; }
    public decimal SelfPoints { get; set; }
    public string? SelfNote { get; set; }
    public decimal? ReviewedPoints { get; set; }
    public string? ReviewComment { get; set; }
    public decimal Final => ReviewedPoints ?? SelfPoints;
}

/// <summary>What evidences a self-score: a recognised initiative (by id), a link or a statement.</summary>
internal sealed class ScoreEvidence
{
    public Guid Id { get; set; }
    public Guid RegistrationId { get; set; }
    public Guid CriterionId { get; set; }
    public int Order { get; set; }
    public EvidenceKind Kind { get; set; }
    public Guid? RecordId { get; set; }
    public string Label { get; set; } = "";
    public string? Url { get; set; }
}
