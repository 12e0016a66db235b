using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Contracts;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Units.History;

/// <summary>
/// Splits a unit between two or more successors under the same parent from a given day: each active direct sub-unit goes
/// to exactly one successor; the unit itself, with its own records, goes to the successor that receives them.
/// </summary>
public sealed record SplitUnit : UnitChange
{
    public const string Route = "/api/v1/organization/units/{id}/split";
    /// <summary>The successors, at least two; exactly one receives the unit's own records.</summary>
    public IReadOnlyList<SplitSuccessor>? Successors { get; init; }
}

/// <summary>A successor of a split: an existing active sibling (<see cref="UnitId"/>) or a new unit (code, name, kind) under the same parent.</summary>
public sealed record SplitSuccessor
{
    /// <summary>An existing active unit under the same parent; leave empty to create a new unit.</summary>
    public Guid? UnitId { get; init; }
    /// <summary>For a new unit: its short unique code.</summary>
    public string? Code { get; init; }
    /// <summary>For a new unit: its name.</summary>
    public string? Name { get; init; }
    /// <summary>For a new unit: its kind (of the same level as the unit split).</summary>
    public UnitKind? Kind { get; init; }
    /// <summary>The split unit's direct sub-units this successor takes over.</summary>
    public IReadOnlyList<Guid>? SubUnitIds { get; init; }
    /// <summary>
    /// Whether this successor receives the unit's own records (officials, enterprises, plans, reports, focal official)
    /// that are not given to a successor by <see cref="OfficialIds"/> or <see cref="EnterpriseIds"/>.
    /// </summary>
    public bool ReceivesRecords { get; init; }
    /// <summary>Officials of the unit split that move to this successor from the day of the split.</summary>
    public IReadOnlyList<Guid>? OfficialIds { get; init; }
    /// <summary>Enterprises kept by the unit split that move to this successor, with their figures of the split's year and later.</summary>
    public IReadOnlyList<Guid>? EnterpriseIds { get; init; }
}

internal sealed class SplitUnitValidator : AbstractValidator<SplitUnit>
{
    public SplitUnitValidator()
    {
        RuleFor(x => x.Successors).NotNull();
        RuleFor(x => x.Successors!).Must(s => s.Count >= 2)
            .WithMessage("Split the unit into at least two successors.", "Cần tách thành ít nhất hai đơn vị kế thừa.")
            .Must(s => s.Count(x => x is { ReceivesRecords: true }) == 1)
            .WithMessage("Choose exactly one successor to receive the unit's own records.", "Chọn đúng một đơn vị kế thừa nhận hồ sơ của đơn vị.")
            .When(x => x.Successors is not null);
        RuleForEach(x => x.Successors).NotNull().SetValidator(new SplitSuccessorValidator()!);
    }
}

internal sealed class SplitSuccessorValidator : AbstractValidator<SplitSuccessor>
{
    public SplitSuccessorValidator()
    {
        RuleFor(x => x.SubUnitIds).NotNull();
        When(x => x.UnitId is null, () =>
        {
            RuleFor(x => x.Code).NotEmpty().MaximumLength(50).Matches("^[A-Za-z0-9_-]+$")
                .WithMessage("Use letters, digits, '-' or '_' only.", "Chỉ dùng chữ cái, chữ số, '-' hoặc '_'.");
            RuleFor(x => x.Name).NotEmpty().MaximumLength(300);
            RuleFor(x => x.Kind).NotNull().IsInEnum();
        });
    }
}

internal sealed class SplitUnitHandler(OrganizationDbContext db, TimeProvider clock) : Mediator.ICommandHandler<SplitUnit, Guid>
{
    public async ValueTask<Guid> Handle(SplitUnit command, CancellationToken ct)
    {
        var (unit, on) = await UnitChanges.LoadAsync(db, clock, command, ct);
        if (unit.ParentId is not { } parentId) throw new BusinessRuleException("root_unit",
            Localized.Text("The provincial federation cannot be split.", "Không thể tách Liên đoàn Lao động tỉnh."));
        // Successors are created or grown under the parent: the caller manages the parent.
        var parent = await UnitChanges.TargetAsync(db, parentId, ct);
        var requested = command.Successors!;

        var existingIds = requested.Where(s => s.UnitId is not null).Select(s => s.UnitId!.Value).ToList();
        if (existingIds.Count != existingIds.Distinct().Count() || existingIds.Contains(unit.Id))
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                ["successors"] = [Localized.Text("Each successor may be chosen once, and not the unit split itself.",
                    "Mỗi đơn vị kế thừa chỉ được chọn một lần và không được là chính đơn vị được tách.")],
            });
        var codes = requested.Where(s => s.UnitId is null).Select(s => s.Code!.Trim().ToUpperInvariant()).ToList();
        var taken = codes.GroupBy(c => c).Where(g => g.Count() > 1).Select(g => g.Key)
            .Concat(await db.Units.IgnoreQueryFilters().Where(u => codes.Contains(u.Code)).Select(u => u.Code).ToListAsync(ct)).Distinct().ToList();
        if (taken.Count > 0)
            throw new BusinessRuleException("unit_code_taken",
                Localized.Text($"The code {string.Join(", ", taken)} is already used.", $"Mã {string.Join(", ", taken)} đã được sử dụng."),
                new Dictionary<string, string[]> { ["successors"] = [Localized.Text($"The code {string.Join(", ", taken)} is already used.", $"Mã {string.Join(", ", taken)} đã được sử dụng.")] });

        var subtree = await UnitChanges.DescendantsAsync(db, unit, ct);
        var children = subtree.Where(u => u.ParentId == unit.Id && u.Status == UnitStatus.Active).ToList();
        CheckAssignment(children, requested);

        var successors = new List<UnionUnit>();
        foreach (var s in requested)
        {
            if (s.UnitId is { } id)
            {
                successors.Add(await UnitChanges.TargetAsync(db, id, ct));
                continue;
            }
            var created = UnionUnit.Create(s.Code!, s.Name!, s.Kind!.Value, parent, establishedOn: on);
            db.Units.Add(created);
            db.Access.AddChildUnit(parent.Id, created.Id);
            db.Publish(new UnitCreated(Guid.CreateVersion7(), clock.GetUtcNow().UtcDateTime, created.Id, created.Code, created.Name, created.Kind, created.ParentId));
            successors.Add(created);
        }

        var newParentOf = new Dictionary<Guid, UnionUnit>();
        for (var i = 0; i < requested.Count; i++)
            foreach (var childId in requested[i].SubUnitIds!) newParentOf[childId] = successors[i];
        var heir = successors[requested.ToList().FindIndex(s => s.ReceivesRecords)];
        await DivideRecordsAsync(unit, requested, successors, subtree, newParentOf, on, ct);
        unit.SplitInto(successors, heir, newParentOf, on, subtree);

        db.Publish(new UnitSplit(Guid.CreateVersion7(), clock.GetUtcNow().UtcDateTime, unit.Id, on, heir.Id, successors.Select(s => s.Id).ToList(),
            children.Select(c => new SplitSubUnit(c.Id, newParentOf[c.Id].Id)).ToList()));
        return unit.Id;
    }

    /// <summary>
    /// The unit's own officials and enterprises given to a successor move to it (issue #16: records divided, not only
    /// sub-units); the rest stay with the unit split, under the successor that receives its records. Each record given
    /// once, only the unit's own, and an enterprise goes where its grassroots union goes (it must lie in its keeper's
    /// subtree): 400 naming the ones that break it, before anything is changed.
    /// </summary>
    private async Task DivideRecordsAsync(UnionUnit unit, IReadOnlyList<SplitSuccessor> requested, List<UnionUnit> successors,
        IReadOnlyList<UnionUnit> subtree, Dictionary<Guid, UnionUnit> newParentOf, DateOnly on, CancellationToken ct)
    {
        var officialIds = requested.SelectMany(s => s.OfficialIds ?? []).ToList();
        var enterpriseIds = requested.SelectMany(s => s.EnterpriseIds ?? []).ToList();
        if (officialIds.Count == 0 && enterpriseIds.Count == 0) return;
        var officials = await db.Officials.Include(o => o.FocalAssignments).Where(o => o.UnitId == unit.Id && officialIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var enterprises = await db.Enterprises.Include(e => e.Figures).Where(e => e.UnitId == unit.Id && enterpriseIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);

        var errors = new Dictionary<string, string[]>();
        var officialErrors = RecordErrors(officialIds, officials.Keys, id => officials[id].FullName, "official", "cán bộ");
        if (officialErrors.Count > 0) errors["officialIds"] = officialErrors.ToArray();
        var enterpriseErrors = RecordErrors(enterpriseIds, enterprises.Keys, id => enterprises[id].Name, "enterprise", "doanh nghiệp");
        // The direct sub-unit each unit of the subtree lies under decides the successor its enterprises follow.
        var byId = subtree.ToDictionary(u => u.Id);
        UnionUnit? SuccessorOver(Guid unitId)
        {
            for (var u = byId.GetValueOrDefault(unitId); u is not null; u = u.ParentId is { } p ? byId.GetValueOrDefault(p) : null)
                if (newParentOf.TryGetValue(u.Id, out var successor)) return successor;
            return null;
        }
        for (var i = 0; i < requested.Count; i++)
            foreach (var id in (requested[i].EnterpriseIds ?? []).Where(enterprises.ContainsKey))
            {
                var enterprise = enterprises[id];
                if (enterprise.GrassrootsUnitId is { } grassroots && SuccessorOver(grassroots) is { } follows && follows.Id != successors[i].Id)
                    enterpriseErrors.Add(Localized.Text($"{enterprise.Name} is covered by {byId[grassroots].Name}, which goes to {follows.Name}: give it to the same successor.",
                        $"{enterprise.Name} thuộc {byId[grassroots].Name}, đã giao cho {follows.Name}: hãy giao doanh nghiệp cho cùng đơn vị kế thừa đó."));
            }
        if (enterpriseErrors.Count > 0) errors["enterpriseIds"] = enterpriseErrors.ToArray();
        if (errors.Count > 0) throw new RequestValidationException(errors);

        var trainings = officials.Count == 0 ? [] : await db.OfficialTrainings.Where(t => officials.Keys.Contains(t.OfficialId)).ToListAsync(ct);
        for (var i = 0; i < requested.Count; i++)
        {
            var to = successors[i].Id;
            foreach (var id in requested[i].OfficialIds ?? [])
            {
                officials[id].TransferTo(to, on);
                foreach (var training in trainings.Where(t => t.OfficialId == id)) training.UnitId = to;
            }
            foreach (var id in requested[i].EnterpriseIds ?? []) enterprises[id].TransferTo(to, on.Year);
        }
    }

    /// <summary>The ids given twice and the ones that are not the unit's own records, named.</summary>
    private static List<string> RecordErrors(List<Guid> given, IEnumerable<Guid> own, Func<Guid, string> nameOf, string kindEn, string kindVi)
    {
        var ownIds = own.ToHashSet();
        var errors = new List<string>();
        var twice = given.GroupBy(g => g).Where(g => g.Count() > 1 && ownIds.Contains(g.Key)).Select(g => nameOf(g.Key)).ToList();
        var foreign = given.Where(g => !ownIds.Contains(g)).Distinct().ToList();
        if (twice.Count > 0)
            errors.Add(Localized.Text($"Given to more than one successor ({kindEn}): {string.Join("; ", twice)}.",
                $"Được giao cho nhiều hơn một đơn vị kế thừa ({kindVi}): {string.Join("; ", twice)}."));
        if (foreign.Count > 0)
            errors.Add(Localized.Text($"Not a record ({kindEn}) of the unit split: {string.Join(", ", foreign)}.",
                $"Không phải hồ sơ ({kindVi}) của đơn vị được tách: {string.Join(", ", foreign)}."));
        return errors;
    }

    /// <summary>Every active direct sub-unit goes to exactly one successor; the missing, repeated and foreign ones are named.</summary>
    private static void CheckAssignment(List<UnionUnit> children, IReadOnlyList<SplitSuccessor> requested)
    {
        var assigned = requested.SelectMany(s => s.SubUnitIds!).ToList();
        var byId = children.ToDictionary(c => c.Id);
        var missing = children.Where(c => !assigned.Contains(c.Id)).Select(c => c.Name).ToList();
        var repeated = assigned.GroupBy(a => a).Where(g => g.Count() > 1 && byId.ContainsKey(g.Key)).Select(g => byId[g.Key].Name).ToList();
        var foreign = assigned.Where(a => !byId.ContainsKey(a)).Distinct().ToList();
        var errors = new List<string>();
        if (missing.Count > 0)
            errors.Add(Localized.Text($"Not assigned to any successor: {string.Join("; ", missing)}.", $"Chưa giao cho đơn vị kế thừa nào: {string.Join("; ", missing)}."));
        if (repeated.Count > 0)
            errors.Add(Localized.Text($"Assigned to more than one successor: {string.Join("; ", repeated)}.", $"Được giao cho nhiều hơn một đơn vị kế thừa: {string.Join("; ", repeated)}."));
        if (foreign.Count > 0)
            errors.Add(Localized.Text($"Not an active direct sub-unit of the unit split: {string.Join(", ", foreign)}.",
                $"Không phải đơn vị trực thuộc đang hoạt động của đơn vị được tách: {string.Join(", ", foreign)}."));
        if (errors.Count > 0) throw new RequestValidationException(new Dictionary<string, string[]> { ["subUnitIds"] = errors.ToArray() });
    }
}

internal sealed class SplitUnitEndpoint(IMediator m) : UnitChangeEndpoint<SplitUnit>(m, SplitUnit.Route,
    "Split a unit between two or more successors from a given day (each sub-unit to one successor; the unit's own records to the one named; honours Idempotency-Key)");
