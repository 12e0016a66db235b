using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khcn.Organization.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AttachmentUploadedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "UploadedAtUtc",
                schema: "organization",
                table: "policy_attachments",
                type: "datetime2",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<DateTime>(
                name: "UploadedAtUtc",
                schema: "organization",
                table: "implementation_plan_attachments",
                type: "datetime2",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));
            // An attachment was uploaded when its row was created: keep that moment in the attachment's own column.
            migrationBuilder.Sql("UPDATE [organization].[policy_attachments] SET UploadedAtUtc = CreatedAtUtc;");
            migrationBuilder.Sql("UPDATE [organization].[implementation_plan_attachments] SET UploadedAtUtc = CreatedAtUtc;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "UploadedAtUtc",
                schema: "organization",
                table: "policy_attachments");

            migrationBuilder.DropColumn(
                name: "UploadedAtUtc",
                schema: "organization",
                table: "implementation_plan_attachments");
        }
    }
}
