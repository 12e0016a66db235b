using Khcn.BuildingBlocks.Files;
using Khcn.Training.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Khcn.Training.Data.Configurations;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> b)
    {
        b.ToTable("campaigns");
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(300).IsRequired();
        b.Property(x => x.Goal).HasMaxLength(4000);
        b.Property(x => x.Channels).HasMaxLength(200).IsRequired();
        b.Property(x => x.Audiences).HasMaxLength(200).IsRequired();
        b.Property(x => x.AudienceNote).HasMaxLength(300);
        b.Property(x => x.SearchText).HasMaxLength(5000);
        b.Ignore(x => x.ChannelList);
        b.Ignore(x => x.AudienceList);
        b.HasIndex(x => x.UnitId);
        b.HasIndex(x => new { x.StartsOn, x.EndsOn });
        b.HasMany(x => x.Participants).WithOne().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Materials).WithOne().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CampaignParticipantConfiguration : IEntityTypeConfiguration<CampaignParticipant>
{
    public void Configure(EntityTypeBuilder<CampaignParticipant> b)
    {
        b.ToTable("campaign_participants");
        b.HasKey(x => new { x.CampaignId, x.UnitId });
        b.HasIndex(x => x.UnitId);
    }
}

internal sealed class CampaignMaterialConfiguration : IEntityTypeConfiguration<CampaignMaterial>
{
    public void Configure(EntityTypeBuilder<CampaignMaterial> b)
    {
        b.ToTable("campaign_materials");
        b.HasKey(x => x.Id);
        b.Property(x => x.FileName).HasMaxLength(255).IsRequired();
        b.Property(x => x.ContentType).HasMaxLength(100).IsRequired();
        b.Property(x => x.Sha256).HasMaxLength(64).IsRequired();
        b.Property(x => x.StorageKey).HasMaxLength(300).IsRequired();
        b.Property(x => x.UploadedBy).HasMaxLength(256);
        b.Property(x => x.Text).HasMaxLength(AttachmentText.MaxChars);
    }
}

internal sealed class ReachReportConfiguration : IEntityTypeConfiguration<ReachReport>
{
    public void Configure(EntityTypeBuilder<ReachReport> b)
    {
        b.ToTable("campaign_reach_reports");
        b.HasKey(x => x.Id);
        b.Property(x => x.Period).HasMaxLength(10).IsRequired();
        b.Property(x => x.Note).HasMaxLength(1000);
        b.Property(x => x.ReportedBy).HasMaxLength(256);
        // One report per unit × campaign × quarter: sending it again corrects it.
        b.HasIndex(x => new { x.CampaignId, x.UnitId, x.Period }).IsUnique();
        b.HasIndex(x => new { x.UnitId, x.Year });
        b.HasOne<Campaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Restrict);
    }
}
