using Khcn.BuildingBlocks.Files;
using Khcn.Organization.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Khcn.Organization.Data.Configurations;

internal sealed class PolicyConfiguration : IEntityTypeConfiguration<PolicyDocument>
{
    public void Configure(EntityTypeBuilder<PolicyDocument> b)
    {
        b.ToTable("policy_documents");
        b.HasKey(x => x.Id);
        b.Property(x => x.Number).HasMaxLength(100).IsRequired();
        b.Property(x => x.Title).HasMaxLength(500).IsRequired();
        b.Property(x => x.Issuer).HasMaxLength(300).IsRequired();
        b.Property(x => x.Scope).HasMaxLength(300);
        b.Property(x => x.Summary).HasMaxLength(4000);
        b.Property(x => x.SearchText).HasMaxLength(PolicyDocument.SearchTextMaxLength);
        b.HasIndex(x => new { x.UnitId, x.IssuedOn });
        b.HasOne<UnionUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Attachments).WithOne().HasForeignKey(x => x.PolicyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PolicyAttachmentConfiguration : IEntityTypeConfiguration<PolicyAttachment>
{
    public void Configure(EntityTypeBuilder<PolicyAttachment> b)
    {
        b.ToTable("policy_attachments");
        b.HasKey(x => x.Id);
        b.MapAttachment(x => x.File);
        b.Property(x => x.Text).HasMaxLength(AttachmentText.MaxChars);
    }
}
