using System.Runtime.CompilerServices;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Persistence;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Integrations;

/// <summary>What Participation gives the KH,CN&amp;ĐMST search (ADR 0014): initiatives, research topics and emulation movements.</summary>
/// <summary>An initiative, found also by the text of its evidence (PDF/DOCX attachments).</summary>
internal sealed class InitiativeSearchProjection : SearchProjection<Initiative>
{
    public override string Kind => "initiative";
    public override ISearchAttachments Attachments { get; } = new SearchAttachments<Initiative, InitiativeAttachment>(
        i => i.Attachments, a => a.InitiativeId, a => new SearchAttachmentText(a.File.FileName, a.Text));
    public override SearchDocument Project(Initiative i) => new(Kind, i.Id, i.UnitId, SearchReach.Subtree, i.Title,
        string.Join(" · ", new[] { i.Field, i.Problem, i.Solution, i.AppliedAt }.Where(p => !string.IsNullOrWhiteSpace(p))),
        i.Status.ToString(), i.AppliedSince, $"/participation/initiatives/{i.Id}");
}

/// <summary>
/// Research topics are owned by the proposing unit, like the topics list reads them (the scope filter). Only the
/// topic's own fields are indexed: the members are a child collection, which a change would not republish (ADR 0014).
/// A withdrawn topic stays found, marked by its status, as the list keeps it. The text of its proposal documents
/// (PDF/DOCX attachments) is found with it: adding one republishes the topic.
/// </summary>
internal sealed class TopicSearchProjection : SearchProjection<ResearchTopic>
{
    public override string Kind => "topic";
    public override ISearchAttachments Attachments { get; } = new SearchAttachments<ResearchTopic, TopicAttachment>(
        t => t.Attachments, a => a.TopicId, a => new SearchAttachmentText(a.File.FileName, a.Text));
    public override SearchDocument Project(ResearchTopic t) => new(Kind, t.Id, t.UnitId, SearchReach.Subtree, t.Title,
        string.Join(" · ", new[] { t.Field, t.LeadName, t.Objectives, t.ExpectedProducts, t.ContractNumber }.Where(p => !string.IsNullOrWhiteSpace(p))),
        t.Status.ToString(), t.StartDate ?? (t.SubmittedAtUtc is { } at ? DateOnly.FromDateTime(at) : null), $"/participation/topics/{t.Id}");
}

/// <summary>Movements are read by the units below the launching one (ReadableMovements).</summary>
internal sealed class MovementSearchProjection : SearchProjection<Movement>
{
    public override string Kind => "movement";
    public override SearchDocument Project(Movement m) => new(Kind, m.Id, m.UnitId, SearchReach.Downward, m.Name,
        m.LaunchedBy, null, m.PeriodFrom ?? m.RegistrationDeadline, $"/participation/emulation/movements/{m.Id}");
}

internal sealed class ParticipationSearchSource(ParticipationDbContext db) : ISearchDocumentSource
{
    private static readonly InitiativeSearchProjection Initiatives = new();
    private static readonly TopicSearchProjection Topics = new();
    private static readonly MovementSearchProjection Movements = new();

    public IReadOnlyList<string> Kinds => [Initiatives.Kind, Topics.Kind, Movements.Kind];

    public async IAsyncEnumerable<SearchDocument> ReadAllAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var i in db.Initiatives.AsNoTracking().Include(i => i.Attachments).AsAsyncEnumerable().WithCancellation(ct))
            yield return Initiatives.ProjectWithAttachments(i);
        await foreach (var t in db.ResearchTopics.AsNoTracking().Include(t => t.Attachments).AsAsyncEnumerable().WithCancellation(ct))
            yield return Topics.ProjectWithAttachments(t);
        await foreach (var m in db.Movements.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct)) yield return Movements.Project(m);
    }
}
