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
internal sealed class ParticipationAccess(ParticipationDbContext db)
{
    public AccessContext Access => db.Access;

    /// <summary>Who is acting, as the decisions record it.</summary>
    public Actor Actor => new(Access.UserId, Access.FullName ?? Access.Email ?? "system");

    /// <summary>The initiatives the caller reads.</summary>
    public IQueryable<Initiative> Readable()
    {
        if (Access.IsSystem || Access.Grants.All(g => Permission.RoleHas(g.Role, Permission.InitiativesRead))) return db.Initiatives;
        var readUnits = Access.VisibleUnitIds.Where(id => Access.Can(Permission.InitiativesRead, id)).ToList();
        var me = Access.UserId;
        var email = Access.Email?.ToLowerInvariant();
        return db.Initiatives.Where(i => readUnits.Contains(i.UnitId) || (me != null && i.FiledByUserId == me)
                                         || (email != null && i.Authors.Any(a => a.Email == email)));
    }

    /// <summary>Only the caller's own: filed by them or co-authored (the "my initiatives" list).</summary>
    public IQueryable<Initiative> Mine(IQueryable<Initiative> source)
    {
        var me = Access.UserId;
        var email = Access.Email?.ToLowerInvariant();
        return source.Where(i => (me != null && i.FiledByUserId == me) || (email != null && i.Authors.Any(a => a.Email == email)));
    }

    /// <summary>A readable initiative with its authors and condition checks, else 404.</summary>
    public async Task<Initiative> FindAsync(Guid id, CancellationToken ct, bool tracked = true)
    {
        var q = Readable().Include(i => i.Authors).Include(i => i.Conditions).AsSplitQuery();
        if (!tracked) q = q.AsNoTracking();
        return await q.FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException(Localized.Text("Initiative", "sáng kiến"), id);
    }

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
}
