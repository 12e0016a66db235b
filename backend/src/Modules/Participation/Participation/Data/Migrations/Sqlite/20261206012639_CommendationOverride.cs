using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khcn.Participation.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CommendationOverride : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ExceptionRequest",
                schema: "participation",
                table: "commendation_proposals",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OverriddenBy",
                schema: "participation",
                table: "commendation_proposals",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OverrideReason",
                schema: "participation",
                table: "commendation_proposals",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ExceptionRequest",
                schema: "participation",
                table: "commendation_proposals");

            migrationBuilder.DropColumn(
                name: "OverriddenBy",
                schema: "participation",
                table: "commendation_proposals");

            migrationBuilder.DropColumn(
                name: "OverrideReason",
                schema: "participation",
                table: "commendation_proposals");
        }
    }
}
