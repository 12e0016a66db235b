using Khcn.BuildingBlocks.Messaging;
using Khcn.Organization.Data;
using Khcn.Training.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Integrations;

/// <summary>
/// A certificate issued for a completed course puts its number on the official's training history row (the one of
/// the same enrolment, recorded from the earlier <see cref="TrainingCompleted"/>; the outbox delivers in order).
/// No row, no number: an official Organization does not know has no history.
/// </summary>
internal sealed class RecordCertificateIssued(OrganizationDbContext db) : IntegrationEventHandler<CertificateIssued, OrganizationDbContext>(db)
{
    protected override async Task HandleOnceAsync(CertificateIssued e, CancellationToken ct)
    {
        var row = await Db.OfficialTrainings.IgnoreQueryFilters().FirstOrDefaultAsync(t => t.EnrolmentId == e.EnrolmentId, ct);
        if (row is not null) row.CertificateNumber = e.Number;
    }
}

/// <summary>A revoked certificate no longer stands: the history row stops showing its number (only that number, should another follow).</summary>
internal sealed class RecordCertificateRevoked(OrganizationDbContext db) : IntegrationEventHandler<CertificateRevoked, OrganizationDbContext>(db)
{
    protected override async Task HandleOnceAsync(CertificateRevoked e, CancellationToken ct)
    {
        var row = await Db.OfficialTrainings.IgnoreQueryFilters().FirstOrDefaultAsync(t => t.EnrolmentId == e.EnrolmentId, ct);
        if (row is not null && row.CertificateNumber == e.Number) row.CertificateNumber = null;
    }
}
