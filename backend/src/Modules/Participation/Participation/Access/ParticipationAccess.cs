using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Access;

/// <summary>
/// Who sees and works on an initiative. The scope filter keeps every initiative of a unit outside the caller's
/// subtrees hidden (404). Inside them, a grant holding <see cref="Permission.InitiativesRead"/> reads the unit's
/// initiatives; otherwise (a member) the caller reads only their own: those they filed or are an author of
/// (matched by e-mail). Changes need a permission over the initiative's unit, or — for the filer's own draft —
/// <see cref="Permission.InitiativesSubmit"/>. The one place these rules live.
/// </summary>
internal sealed partial class ParticipationAccess(ParticipationDbContext db)
{
    public AccessContext Access => db.Access;

    /// <summary>Who is acting, as the decisions record it.</summary>
    public Actor Actor => new(Access.UserId, Access.FullName ?? Access.Email ?? "system");

    /// <summary>True when the caller reads every initiative of their scope (each of their grants reads initiatives): what they read is the scope filter alone.</summary>
    public bool ReadsWholeScope => Access.IsSystem || Access.Grants.All(g => Access.GrantHas(g, Permission.InitiativesRead));

    /// <summary>The initiatives the caller reads.</summary>
    public IQueryable<Initiative> Readable()
    {
        if (ReadsWholeScope) return db.Initiatives;
        var readUnits = Access.VisibleUnitIds.Where(id => Access.Can(Permission.InitiativesRead, id)).ToList();
        var me = Access.UserId;
        var email = Access.Email?.ToLowerInvariant();
        var authored = AuthoredBy(email);
        return db.Initiatives.Where(i => readUnits.Contains(i.UnitId) || (me != null && i.FiledByUserId == me) || authored.Contains(i.Id));
    }

    /// <summary>
    /// The ids of the initiatives the e-mail is an author of, as a subquery: "Id IN (SELECT InitiativeId … WHERE Email = @e)"
    /// searches the author e-mail index, where "EXISTS (… WHERE InitiativeId = i.Id AND Email = @e)" under an OR made
    /// SQLite read every initiative (a district officer's page at 20,000 initiatives: p95 about 7× the unit list's).
    /// </summary>
    private IQueryable<Guid> AuthoredBy(string? email) =>
        db.InitiativeAuthors.Where(a => email != null && a.Email == email).Select(a => a.InitiativeId);

    /// <summary>Only the caller's own: filed by them or co-authored (the "my initiatives" list).</summary>
    public IQueryable<Initiative> Mine(IQueryable<Initiative> source)
    {
        var me = Access.UserId;
        var email = Access.Email?.ToLowerInvariant();
        var authored = AuthoredBy(email);
        return source.Where(i => (me != null && i.FiledByUserId == me) || authored.Contains(i.Id));
    }

    /// <summary>
    /// A readable initiative with its authors and condition checks, else 404. A council member also reads the
    /// initiatives before their councils (whatever the unit), and nothing else beyond their own.
    /// </summary>
    public async Task<Initiative> FindAsync(Guid id, CancellationToken ct, bool tracked = true)
    {
        var q = Readable().Include(i => i.Authors).Include(i => i.Conditions).AsSplitQuery();
        if (!tracked) q = q.AsNoTracking();
        var found = await q.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (found is null && await AssignedToMeAsync(id, ct))
        {
            var assigned = db.Initiatives.IgnoreQueryFilters().Include(i => i.Authors).Include(i => i.Conditions).AsSplitQuery();
            found = await (tracked ? assigned : assigned.AsNoTracking()).FirstOrDefaultAsync(i => i.Id == id, ct);
        }
        return found ?? throw new NotFoundException(Localized.Text("Initiative", "sáng kiến"), id);
    }

    /// <summary>The caller's e-mail as council members are matched (lower case).</summary>
    public string? MyEmail => Access.Email?.Trim().ToLowerInvariant();

    /// <summary>Whether the caller reviews the initiative: decides for its recognising unit, or sits on a council it is before.</summary>
    public async Task<bool> MayReviewAsync(Initiative i, CancellationToken ct) => MayDecide(i) || await AssignedToMeAsync(i.Id, ct);

    private Task<bool> AssignedToMeAsync(Guid itemId, CancellationToken ct)
    {
        var email = MyEmail;
        if (email is null) return Task.FromResult(false);
        return db.Councils.IgnoreQueryFilters().AnyAsync(c => c.Items.Any(i => i.ItemId == itemId) && c.Members.Any(m => m.Email == email), ct);
    }

    /// <summary>
    /// The councils the caller reads: those of the units where they read initiatives (the scope filter first), and
    /// — for anyone — the councils they sit on. A council member sees only these (404 for any other).
    /// </summary>
    public IQueryable<Council> ReadableCouncils()
    {
        var email = MyEmail;
        if (Access.IsSystem) return db.Councils;
        var all = db.Councils.IgnoreQueryFilters();
        if (Access.Grants.All(g => Access.GrantHas(g, Permission.InitiativesRead)))
        {
            if (Access.Unrestricted) return db.Councils;
            var visible = db.VisibleUnits;
            return all.Where(c => visible.Contains(c.UnitId) || (email != null && c.Members.Any(m => m.Email == email)));
        }
        var readUnits = Access.VisibleUnitIds.Where(id => Access.Can(Permission.InitiativesRead, id)).ToList();
        return all.Where(c => readUnits.Contains(c.UnitId) || (email != null && c.Members.Any(m => m.Email == email)));
    }

    /// <summary>A readable council with everything it holds, else 404.</summary>
    public async Task<Council> CouncilAsync(Guid id, CancellationToken ct, bool tracked = true)
    {
        var q = ReadableCouncils().Include(c => c.Members).Include(c => c.Items).Include(c => c.Conflicts)
            .Include(c => c.Scores).ThenInclude(s => s.Findings).AsSplitQuery();
        if (!tracked) q = q.AsNoTracking();
        return await q.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException(Localized.Text("Council", "Hội đồng"), id);
    }

    /// <summary>The caller's seat on the council, if any.</summary>
    public CouncilMember? SeatOn(Council c) => c.MemberFor(MyEmail);

    /// <summary>
    /// The unit's officers who decide on initiatives form their councils, and the ordering unit's topic managers those
    /// of research topics (and read their progress, never the scores before closing).
    /// </summary>
    public bool MayManage(Council c) =>
        Access.Can(c.JudgesTopics ? Permission.TopicsManage : c.ItemKind == CouncilItemKind.Commendation ? Permission.CommendationsDecide : Permission.InitiativesRecognise, c.UnitId);

    /// <summary>True when the caller filed it.</summary>
    public bool Filed(Initiative i) => Access.UserId is { } me && i.FiledByUserId == me;

    /// <summary>The filer (with the right to submit) or an officer who may submit for the unit changes a draft, submits or withdraws it.</summary>
    public bool MayFile(Initiative i) =>
        Access.Can(Permission.InitiativesSubmit, i.UnitId) && (Filed(i) || Access.Can(Permission.InitiativesRecognise, i.UnitId));

    public bool MayDecide(Initiative i) => Access.Can(Permission.InitiativesRecognise, i.UnitId);

    /// <summary>A readable initiative the caller may file (edit, submit, withdraw): 404 when hidden, 403 otherwise.</summary>
    public async Task<Initiative> ForFilingAsync(Guid id, CancellationToken ct)
    {
        var i = await FindAsync(id, ct);
        return MayFile(i) ? i : throw new ForbiddenException();
    }

    /// <summary>A readable initiative the caller may decide on: 404 when hidden, 403 otherwise.</summary>
    public async Task<Initiative> ForDecisionAsync(Guid id, CancellationToken ct)
    {
        var i = await FindAsync(id, ct);
        return MayDecide(i) ? i : throw new ForbiddenException();
    }
    // Commendations (#13). Proposals are owned by the proposing unit (the scope filter: 404 outside); the unit above decides.

    /// <summary>A proposal of a unit in the caller's scope with its nominees and their recorded checks, else 404.</summary>
    public async Task<CommendationProposal> ProposalAsync(Guid id, CancellationToken ct, bool tracked = true)
    {
        var q = db.CommendationProposals.Include(p => p.Nominees).ThenInclude(n => n.Checks).AsSplitQuery();
        return await (tracked ? q : q.AsNoTracking()).FirstOrDefaultAsync(p => p.Id == id, ct)
               ?? throw new NotFoundException(Localized.Text("Commendation proposal", "đề nghị khen thưởng"), id);
    }

    /// <summary>
    /// A decided proposal the caller may read as its honouree or as an officer: found through the scope filter with the
    /// propose or decide permission over the proposing unit (a member in scope sees no other's), or — past the scope
    /// filter — an approved proposal naming the caller's e-mail among its nominees; else 404.
    /// </summary>
    public async Task<CommendationProposal> ProposalForReaderAsync(Guid id, CancellationToken ct)
    {
        var q = db.CommendationProposals.Include(p => p.Nominees).AsSplitQuery().AsNoTracking();
        var found = await q.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (found is not null && MayReadCommendationsOf(found.UnitId)) return found;
        var email = MyEmail;
        if (email is not null)
            found = await q.IgnoreQueryFilters().FirstOrDefaultAsync(p => p.Id == id && p.Status == ProposalStatus.Approved && p.Nominees.Any(n => n.Email == email), ct);
        else found = null;
        return found ?? throw new NotFoundException(Localized.Text("Commendation proposal", "đề nghị khen thưởng"), id);
    }

    /// <summary>An officer of the unit (or of a unit above it) who proposes or decides commendations reads its commendations; a member reads only their own.</summary>
    public bool MayReadCommendationsOf(Guid unitId) =>
        Access.IsSystem || Access.Can(Permission.CommendationsPropose, unitId) || Access.Can(Permission.CommendationsDecide, unitId);

    /// <summary>
    /// An honouring event with its decisions and certificates for a change by its holding unit: 404 outside the caller's
    /// scope, 403 without the decide permission over the unit (as for holding it).
    /// </summary>
    public async Task<HonouringEvent> HonouringEventForChangeAsync(Guid id, CancellationToken ct)
    {
        var e = await db.HonouringEvents.Include(x => x.Decisions).Include(x => x.Certificates).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null || !MayReadCommendationsOf(e.UnitId)) throw new NotFoundException(Localized.Text("Honouring event", "lễ tôn vinh"), id);
        if (!Access.Can(Permission.CommendationsDecide, e.UnitId)) throw new ForbiddenException();
        return e;
    }

    /// <summary>Proposes for the unit (drafts, edits, submits its proposals).</summary>
    public bool MayPropose(Guid unitId) => Access.Can(Permission.CommendationsPropose, unitId);

    /// <summary>The unit above decides: the decide permission over the proposing unit's parent.</summary>
    public bool MayDecideCommendation(Guid? parentUnitId) => parentUnitId is { } p && Access.Can(Permission.CommendationsDecide, p);

    // Research topics (#12). Calls apply downwards like movements; topics are owned by the proposing unit (the scope
    // filter: 404 outside), and the call's unit — which orders, selects, contracts and accepts them — sees its subtree.

    /// <summary>The calls the caller reads: published by a unit they see or by a unit above their grants.</summary>
    public IQueryable<ResearchCall> ReadableCalls()
    {
        if (Access.Unrestricted) return db.ResearchCalls;
        var visible = Access.VisibleUnitIds;
        var above = Access.AncestorUnitIds;
        return db.ResearchCalls.Where(c => visible.Contains(c.UnitId) || above.Contains(c.UnitId));
    }

    public async Task<ResearchCall> CallAsync(Guid id, CancellationToken ct) =>
        await ReadableCalls().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException(Localized.Text("Call", "đợt đặt hàng/tuyển chọn"), id);

    /// <summary>The call of a topic the caller already reads (a topic is read below its call, so the call is not filtered again).</summary>
    public Task<ResearchCall> CallOfAsync(ResearchTopic topic, CancellationToken ct) => db.ResearchCalls.FirstAsync(c => c.Id == topic.CallId, ct);

    /// <summary>
    /// A readable topic with everything it holds, else 404. A council member also reads the topics before their councils.
    /// </summary>
    public async Task<ResearchTopic> TopicAsync(Guid id, CancellationToken ct, bool tracked = true)
    {
        IQueryable<ResearchTopic> With(IQueryable<ResearchTopic> q) => q.Include(t => t.Members).Include(t => t.BudgetLines).Include(t => t.Milestones)
            .Include(t => t.Extensions).Include(t => t.Steps).Include(t => t.Attachments).AsSplitQuery();
        var q = With(db.ResearchTopics);
        var found = await (tracked ? q : q.AsNoTracking()).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (found is null && await AssignedToMeAsync(id, ct))
        {
            var assigned = With(db.ResearchTopics.IgnoreQueryFilters());
            found = await (tracked ? assigned : assigned.AsNoTracking()).FirstOrDefaultAsync(t => t.Id == id, ct);
        }
        return found ?? throw new NotFoundException(Localized.Text("Research topic", "đề tài"), id);
    }

    /// <summary>The proposing unit's officers draft, submit, withdraw, report progress, ask for extensions and record the application.</summary>
    public bool MayPropose(ResearchTopic t) => Access.Can(Permission.TopicsPropose, t.UnitId);

    /// <summary>The ordering unit (the call's) selects, contracts, decides extensions and accepts.</summary>
    public bool MayManage(ResearchCall c) => Access.Can(Permission.TopicsManage, c.UnitId);

    /// <summary>A readable topic the proposing unit may work on: 404 when hidden, 403 otherwise.</summary>
    public async Task<ResearchTopic> TopicForProposerAsync(Guid id, CancellationToken ct)
    {
        var t = await TopicAsync(id, ct);
        return MayPropose(t) ? t : throw new ForbiddenException();
    }

    /// <summary>A readable topic and its call, for the ordering unit: 404 when hidden, 403 otherwise.</summary>
    public async Task<(ResearchTopic Topic, ResearchCall Call)> TopicForManagerAsync(Guid id, CancellationToken ct)
    {
        var t = await TopicAsync(id, ct);
        var call = await CallOfAsync(t, ct);
        return MayManage(call) ? (t, call) : throw new ForbiddenException();
    }
}
