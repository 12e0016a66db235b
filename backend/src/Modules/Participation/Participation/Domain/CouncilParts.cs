using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Text;

namespace Khcn.Participation.Domain;

internal sealed record ItemTally(int Members, int Votes, int Agree, int Needed, int Quorum);

internal sealed class CouncilMember
{
    private CouncilMember() { }

    public CouncilMember(Guid councilId, int order, CouncilSeat seat)
    {
        CouncilId = councilId;
        Order = order;
        OfficialId = seat.OfficialId;
        FullName = seat.FullName.Trim();
        Email = seat.Email?.Trim().ToLowerInvariant();
        Position = seat.Position;
        Role = seat.Role;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid CouncilId { get; private set; }
    public int Order { get; private set; }
    public Guid OfficialId { get; private set; }
    public string FullName { get; private set; } = "";
    public string? Email { get; private set; }
    public string? Position { get; private set; }
    public CouncilRole Role { get; private set; }
}

/// <summary>An item before the council, by kind and id (an initiative now, a topic later), with its title as formed.</summary>
internal sealed class CouncilItem
{
    private CouncilItem() { }

    /// <summary>An item as formed; for a commendation proposal <c>needed</c> is the agreeing members its form's share needs of the seats, fixed then.</summary>
    public CouncilItem(Guid councilId, int order, CouncilItemCandidate candidate, int? needed = null)
    {
        Needed = needed;
        CouncilId = councilId;
        Order = order;
        Kind = candidate.Kind;
        ItemId = candidate.ItemId;
        Title = candidate.Title;
        Outcome = CouncilItemOutcome.Pending;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid CouncilId { get; private set; }
    public int Order { get; private set; }
    public CouncilItemKind Kind { get; private set; }
    public Guid ItemId { get; private set; }
    public string Title { get; private set; } = "";
    public CouncilItemOutcome Outcome { get; private set; }
    public int? Votes { get; private set; }
    public int? Agree { get; private set; }
    public int? Needed { get; private set; }
    /// <summary>For a research topic: the mean of the members' weighted scores (1–10), exact, set when the council closes.</summary>
    public decimal? AverageScore { get; private set; }

    public void Decide(CouncilItemOutcome outcome, ItemTally tally, decimal? averageScore = null)
    {
        AverageScore = averageScore;
        Outcome = outcome;
        Votes = tally.Votes;
        Agree = tally.Agree;
        Needed = tally.Needed;
    }
}

internal sealed class CouncilConflict
{
    private CouncilConflict() { }

    public CouncilConflict(Guid councilId, Guid memberId, Guid councilItemId, string reason, DateTime atUtc)
    {
        CouncilId = councilId;
        MemberId = memberId;
        CouncilItemId = councilItemId;
        Reason = reason;
        DeclaredAtUtc = atUtc;
    }

    public Guid CouncilId { get; private set; }
    public Guid MemberId { get; private set; }
    public Guid CouncilItemId { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTime DeclaredAtUtc { get; private set; }
}

/// <summary>One member's submitted score on one item (once; a unique index keeps it single under races).</summary>
internal sealed class CouncilScore
{
    private CouncilScore() { }

    public CouncilScore(Guid councilId, Guid councilItemId, Guid memberId, bool agree, string? comment, DateTime atUtc, IReadOnlyList<Finding> findings)
    {
        CouncilId = councilId;
        CouncilItemId = councilItemId;
        MemberId = memberId;
        Agree = agree;
        Comment = comment;
        SubmittedAtUtc = atUtc;
        Findings = findings.Select(f => new CouncilFinding(Id, f.Criterion, f.Met, string.IsNullOrWhiteSpace(f.Note) ? null : f.Note.Trim(), f.Points)).ToList();
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid CouncilId { get; private set; }
    public Guid CouncilItemId { get; private set; }
    public Guid MemberId { get; private set; }
    /// <summary>The vote: agrees to recognise (initiatives) or not.</summary>
    public bool Agree { get; private set; }
    public string? Comment { get; private set; }
    public DateTime SubmittedAtUtc { get; private set; }
    public List<CouncilFinding> Findings { get; private set; } = [];
}

internal sealed class CouncilFinding
{
    private CouncilFinding() { }

    public CouncilFinding(Guid scoreId, string criterion, bool met, string? note, int? points = null)
    {
        Points = points;
        ScoreId = scoreId;
        Criterion = criterion;
        Met = met;
        Note = note;
    }

    public Guid ScoreId { get; private set; }
    public string Criterion { get; private set; } = "";
    public bool Met { get; private set; }
    public string? Note { get; private set; }
    /// <summary>For a research topic: the points (1–10) the member gives on this criterion.</summary>
    public int? Points { get; private set; }
}
