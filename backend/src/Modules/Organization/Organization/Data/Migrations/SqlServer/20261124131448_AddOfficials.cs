using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khcn.Organization.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddOfficials : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "officials",
                schema: "organization",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FullName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Position = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Phone = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    Email = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Expertise = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    PoliticalTheory = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ForeignLanguage = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ResearchMethodsTrained = table.Column<bool>(type: "bit", nullable: false),
                    SearchText = table.Column<string>(type: "nvarchar(700)", maxLength: 700, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_officials", x => x.Id);
                    table.ForeignKey(
                        name: "FK_officials_units_UnitId",
                        column: x => x.UnitId,
                        principalSchema: "organization",
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "focal_assignments",
                schema: "organization",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OfficialId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AssignedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_focal_assignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_focal_assignments_officials_OfficialId",
                        column: x => x.OfficialId,
                        principalSchema: "organization",
                        principalTable: "officials",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_focal_assignments_units_UnitId",
                        column: x => x.UnitId,
                        principalSchema: "organization",
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_focal_assignments_OfficialId",
                schema: "organization",
                table: "focal_assignments",
                column: "OfficialId");

            migrationBuilder.CreateIndex(
                name: "IX_focal_assignments_UnitId_StartedOn",
                schema: "organization",
                table: "focal_assignments",
                columns: new[] { "UnitId", "StartedOn" });

            migrationBuilder.CreateIndex(
                name: "UX_focal_assignments_active",
                schema: "organization",
                table: "focal_assignments",
                column: "UnitId",
                unique: true,
                filter: "[EndedOn] IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_officials_SearchText",
                schema: "organization",
                table: "officials",
                column: "SearchText");

            migrationBuilder.CreateIndex(
                name: "IX_officials_UnitId",
                schema: "organization",
                table: "officials",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "focal_assignments",
                schema: "organization");

            migrationBuilder.DropTable(
                name: "officials",
                schema: "organization");
        }
    }
}
