using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Persistence;
using Khcn.BuildingBlocks.Security;
using Khcn.Platform.Access;
using Khcn.Platform.Data;
using Khcn.Platform.Data.Search;
using Khcn.Platform.Domain;
using Mediator;

namespace Khcn.Platform.Features.Search;

/// <summary>
/// One KH,CN&amp;ĐMST search over the modules' records (ADR 0014): encouragement policies, plans, the units' implementation plans, units, campaigns,
/// courses, initiatives, research topics and emulation movements, and the text of their PDF/DOCX attachments, ranked (title above text), with the matched words marked, counted
/// by kind, and only what the caller may see — never a hit, a count or a snippet from outside their scope.
/// Case, diacritics and đ/d do not matter: "chinh sach" finds "Chính sách".
/// </summary>
public sealed class SearchRecords : IQuery<SearchResults>
{
    public const string Route = "/api/v1/search";
    /// <summary>The words to find (each must appear, as the start of a word; at most 8 are used).</summary>
    public string? Q { get; init; }
    /// <summary>Only this kind: policy, plan, implementation-plan, unit, campaign, course, topic, initiative or movement.</summary>
    public string? Kind { get; init; }
    /// <summary>Only records of this unit and the units below it (404 when the unit is outside the caller's scope).</summary>
    public Guid? Within { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;
}

/// <summary>
/// One hit: where the record lives in the app (<see cref="Link"/>) and the marked stretches of its title and snippet;
/// <see cref="SnippetFile"/> names the attachment the snippet was read from when the words were found in a file's text.
/// </summary>
public sealed record SearchHit(string Kind, Guid Id, string Title, IReadOnlyList<SearchMark> TitleMarks, string Snippet,
    IReadOnlyList<SearchMark> SnippetMarks, string? Status, DateOnly? Date, string Link, string? SnippetFile = null);

/// <summary>A matched stretch of a text: the SPA marks it (ranges, never HTML: nothing of a record is ever rendered as markup).</summary>
public sealed record SearchMark(int Start, int Length);

public sealed record SearchKindCount(string Kind, int Count);

/// <summary>A page of hits; <see cref="Total"/> counts the selected kind (or all), <see cref="Kinds"/> every kind with hits.</summary>
public sealed record SearchResults(IReadOnlyList<SearchHit> Items, int Page, int PageSize, int Total, IReadOnlyList<SearchKindCount> Kinds);

internal sealed class SearchRecordsValidator : AbstractValidator<SearchRecords>
{
    public SearchRecordsValidator()
    {
        RuleFor(x => x.Q).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Q).Must(q => SearchHighlighter.Words(q).Count > 0).When(x => !string.IsNullOrWhiteSpace(x.Q))
            .WithMessage("Type at least one word (letters or digits).", "Nhập ít nhất một từ (chữ cái hoặc chữ số).");
        RuleFor(x => x.Kind).Must(k => k is null || SearchScope.Kinds.ContainsKey(k))
            .WithMessage("Use policy, plan, implementation-plan, unit, campaign, course, topic, initiative or movement.",
                "Chỉ dùng policy, plan, implementation-plan, unit, campaign, course, topic, initiative hoặc movement.");
        RuleFor(x => x.Page).InclusiveBetween(1, 500);
        RuleFor(x => x.PageSize).InclusiveBetween(1, 50);
    }
}

internal sealed class SearchRecordsHandler(PlatformDbContext db, SearchScope scope, AccessContext access, IUnitTreeReader tree,
    SearchResultsCache cache) : IQueryHandler<SearchRecords, SearchResults>
{
    public async ValueTask<SearchResults> Handle(SearchRecords query, CancellationToken ct)
    {
        IReadOnlyList<Guid>? within = null;
        Guid? withinKey = null;
        if (query.Within is { } unitId)
        {
            var subtree = access.CanSee(unitId) ? await tree.GetSubtreeAsync(unitId, ct) : null;
            within = subtree?.UnitIds.ToList() ?? throw new NotFoundException(Localized.Text("Unit", "đơn vị"), unitId);
            withinKey = AccessScopeKeys.Of([subtree.UnitIds]);
        }
        var words = SearchHighlighter.Words(query.Q);
        var scopes = await scope.ForCallerAsync(ct);
        // The stamp is read before the page is computed: a change committed meanwhile makes the page newer than its key, never older.
        var stamp = await db.ReadChangeStampAsync(SearchIndex.Stamp, ct);
        var key = SearchResultsCache.Key(scopes.Key, words, query.Kind, withinKey, query.Page, query.PageSize);
        return await cache.GetAsync(stamp.ToString("N"), key, () => SearchAsync(query, words, scopes.Kinds, within, ct));
    }

    private async Task<SearchResults> SearchAsync(SearchRecords query, IReadOnlyList<string> words, IReadOnlyList<KindScope> scopes,
        IReadOnlyList<Guid>? within, CancellationToken ct)
    {
        var filter = new SearchFilter(words, query.Kind, within, scopes, (query.Page - 1) * query.PageSize, query.PageSize);
        var (rows, counts) = await SearchIndex.QueryAsync(db, filter, ct);
        var hits = rows.Select(r =>
        {
            var (snippet, marks, file) = SearchHighlighter.SnippetOfBody(r.Body, words);
            return new SearchHit(r.Kind, r.RecordId, r.Title, SearchHighlighter.Marks(r.Title, words), snippet, marks, r.Status, r.Date, r.Link, file);
        }).ToList();
        var kinds = counts.OrderBy(c => KindOrder(c.Kind)).Select(c => new SearchKindCount(c.Kind, c.Count)).ToList();
        var total = query.Kind is null ? kinds.Sum(k => k.Count) : kinds.FirstOrDefault(k => k.Kind == query.Kind)?.Count ?? 0;
        return new SearchResults(hits, query.Page, query.PageSize, total, kinds);
    }

    private static int KindOrder(string kind) => SearchScope.Kinds.Keys.ToList().IndexOf(kind);
}

internal sealed class SearchRecordsEndpoint(IMediator mediator) : Endpoint<SearchRecords, SearchResults>
{
    public override void Configure()
    {
        Get(SearchRecords.Route);
        // Any signed-in caller: what each kind needs (its read permission, the scope) is decided per document.
        Summary(s =>
        {
            s.Summary = "Search policies, plans, implementation plans, units, campaigns, courses, research topics, initiatives and movements within the caller's scope";
            s.Description = "Words are matched diacritic- and case-insensitively (đ = d) at the start of words; every word must appear. "
                + "Hits are ranked with the title above the text; titleMarks/snippetMarks give the matched ranges (start, length) "
                + "in title/snippet; snippetFile names the attachment (PDF/DOCX) whose text the snippet comes from, when it does. "
                + "Counts by kind cover only what the caller may see.";
        });
    }

    public override async Task HandleAsync(SearchRecords req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
