using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Khcn.Training.Features.Access;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Partners;

/// <summary>The partner agencies: every one for union users, only their own for a partner's staff.</summary>
public sealed class ListPartners : IQuery<PagedResult<PartnerListItem>>, IPagedQuery
{
    public const string Route = "/api/v1/training/partners";
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = Paging.DefaultPageSize;
    /// <summary>name (default) or agreementValidUntil; prefix '-' for descending.</summary>
    public string? Sort { get; init; }
    /// <summary>Text to find in the name, contact or agreement number (case and diacritics ignored).</summary>
    public string? Q { get; init; }
}

internal sealed class ListPartnersValidator : AbstractValidator<ListPartners>
{
    public ListPartnersValidator() => this.AddPagingRules("name", "agreementValidUntil");
}

internal sealed class ListPartnersHandler(TrainingDbContext db, TrainingAccess access) : IQueryHandler<ListPartners, PagedResult<PartnerListItem>>
{
    public async ValueTask<PagedResult<PartnerListItem>> Handle(ListPartners query, CancellationToken ct)
    {
        var partners = db.Partners.AsNoTracking();
        if (access.IsPartnerOnly)
        {
            var mine = await access.MyPartnerIdAsync(ct);
            partners = partners.Where(p => p.Id == mine);
        }
        partners = partners.WhereMatches(query.Q, p => p.SearchText);
        var desc = query.Descending();
        partners = query.SortField() switch
        {
            "agreementvaliduntil" => desc ? partners.OrderByDescending(p => p.AgreementValidUntil) : partners.OrderBy(p => p.AgreementValidUntil),
            _ => desc ? partners.OrderByDescending(p => p.Name) : partners.OrderBy(p => p.Name),
        };
        return await partners
            .Select(p => new PartnerListItem(p.Id, p.Name, p.Kind, p.ContactName, p.AgreementNumber, p.AgreementValidUntil,
                p.Members.Count, db.Courses.Count(c => c.PartnerId == p.Id)))
            .ToPageAsync(query, ct);
    }
}

internal sealed class ListPartnersEndpoint(IMediator mediator) : Endpoint<ListPartners, PagedResult<PartnerListItem>>
{
    public override void Configure()
    {
        Get(ListPartners.Route);
        Policies(Permission.TrainingRead);
        Summary(s => s.Summary = "Search the partner agencies (a partner's staff see their own agency only)");
    }

    public override async Task HandleAsync(ListPartners req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}

/// <summary>A partner agency with its staff and instructors; 404 for another partner's staff.</summary>
public sealed record GetPartner : IQuery<PartnerDetail>
{
    public const string Route = "/api/v1/training/partners/{id}";
    public static string For(Guid id) => $"/api/v1/training/partners/{id}";
    public Guid Id { get; init; }
}

internal sealed class GetPartnerHandler(TrainingDbContext db, TrainingAccess access) : IQueryHandler<GetPartner, PartnerDetail>
{
    public async ValueTask<PartnerDetail> Handle(GetPartner query, CancellationToken ct)
    {
        var p = await access.PartnerAsync(query.Id, ct);
        var members = await db.PartnerMembers.AsNoTracking().Where(m => m.PartnerId == p.Id).OrderBy(m => m.FullName)
            .Select(m => new PartnerMemberView(m.UserId, m.FullName, m.Email, m.AddedAtUtc)).ToListAsync(ct);
        var instructors = await db.Instructors.AsNoTracking().Where(i => i.PartnerId == p.Id).OrderBy(i => i.FullName)
            .Select(i => new InstructorView(i.Id, i.PartnerId, i.FullName, i.Email, i.Expertise, i.Version)).ToListAsync(ct);
        return new PartnerDetail(p.Id, p.Name, p.Kind, p.ContactName, p.ContactEmail, p.ContactPhone, p.AgreementNumber,
            p.AgreementSignedOn, p.AgreementValidUntil,
            p.AgreementFileName is null ? null : new AgreementFileView(p.AgreementFileName, p.AgreementContentType!, p.AgreementFileSize ?? 0, p.AgreementUploadedAtUtc!.Value),
            members, instructors, p.Version);
    }
}

internal sealed class GetPartnerEndpoint(IMediator mediator) : Endpoint<GetPartner, PartnerDetail>
{
    public override void Configure()
    {
        Get(GetPartner.Route);
        Policies(Permission.TrainingRead);
        Summary(s => s.Summary = "Get a partner agency with its staff and instructors");
    }

    public override async Task HandleAsync(GetPartner req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}

/// <summary>Registers a partner agency (the training coordinator).</summary>
public sealed record CreatePartner : PartnerFields, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/training/partners";
}

internal sealed class CreatePartnerValidator : AbstractValidator<CreatePartner>
{
    public CreatePartnerValidator() => this.AddPartnerRules();
}

internal sealed class CreatePartnerHandler(TrainingDbContext db) : Mediator.ICommandHandler<CreatePartner, Guid>
{
    public async ValueTask<Guid> Handle(CreatePartner command, CancellationToken ct)
    {
        var name = command.Name.Trim();
        if (await db.Partners.AnyAsync(p => p.Name == name, ct))
            throw new BusinessRuleException("partner_name_taken",
                Localized.Text($"A partner agency named '{name}' already exists.", $"Đã có cơ quan đối tác tên '{name}'."));
        var partner = PartnerAgency.Create(command.ToDetails());
        db.Partners.Add(partner);
        return partner.Id;
    }
}

internal sealed class CreatePartnerEndpoint(IMediator mediator) : Endpoint<CreatePartner, PartnerDetail>
{
    public override void Configure()
    {
        Post(CreatePartner.Route);
        Policies(Permission.CoursesManage);
        Summary(s =>
        {
            s.Summary = "Register a partner agency (honours Idempotency-Key)";
            s.Response<PartnerDetail>(201, "The partner agency, registered.");
        });
    }

    public override async Task HandleAsync(CreatePartner req, CancellationToken ct)
    {
        var id = await mediator.Send(req, ct);
        HttpContext.Response.Headers.Location = GetPartner.For(id);
        await Send.ResponseAsync(await mediator.Send(new GetPartner { Id = id }, ct), StatusCodes.Status201Created, ct);
    }
}

/// <summary>Corrects a partner agency's details; needs If-Match with the ETag of the last read.</summary>
public sealed record UpdatePartner : PartnerFields, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/training/partners/{id}";
    public Guid Id { get; init; }
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
}

internal sealed class UpdatePartnerValidator : AbstractValidator<UpdatePartner>
{
    public UpdatePartnerValidator() => this.AddPartnerRules();
}

internal sealed class UpdatePartnerHandler(TrainingDbContext db) : Mediator.ICommandHandler<UpdatePartner, Guid>
{
    public async ValueTask<Guid> Handle(UpdatePartner command, CancellationToken ct)
    {
        var partner = await db.Partners.FirstOrDefaultAsync(p => p.Id == command.Id, ct) ?? throw new NotFoundException(Localized.Text("Partner", "cơ quan đối tác"), command.Id);
        ETags.GuardUpdate(db, partner, command.IfMatch);
        var name = command.Name.Trim();
        if (await db.Partners.AnyAsync(p => p.Name == name && p.Id != partner.Id, ct))
            throw new BusinessRuleException("partner_name_taken",
                Localized.Text($"A partner agency named '{name}' already exists.", $"Đã có cơ quan đối tác tên '{name}'."));
        partner.Update(command.ToDetails());
        return partner.Id;
    }
}

internal sealed class UpdatePartnerEndpoint(IMediator mediator) : Endpoint<UpdatePartner, PartnerDetail>
{
    public override void Configure()
    {
        Put(UpdatePartner.Route);
        Policies(Permission.CoursesManage);
        Summary(s => s.Summary = "Update a partner agency (If-Match required; 412 when stale)");
    }

    public override async Task HandleAsync(UpdatePartner req, CancellationToken ct)
    {
        var id = await mediator.Send(req, ct);
        await Send.OkAsync(await mediator.Send(new GetPartner { Id = id }, ct), ct);
    }
}
