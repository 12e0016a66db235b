using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khcn.Participation.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AttachmentText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Text",
                schema: "participation",
                table: "research_topic_attachments",
                type: "TEXT",
                maxLength: 100000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Text",
                schema: "participation",
                table: "initiative_attachments",
                type: "TEXT",
                maxLength: 100000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Text",
                schema: "participation",
                table: "research_topic_attachments");

            migrationBuilder.DropColumn(
                name: "Text",
                schema: "participation",
                table: "initiative_attachments");
        }
    }
}
