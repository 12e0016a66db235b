using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khcn.Organization.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddLabourDatabase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "enterprises",
                schema: "organization",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    GrassrootsUnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Name = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    TaxCode = table.Column<string>(type: "nvarchar(14)", maxLength: 14, nullable: false),
                    Ownership = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Sector = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    District = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    IndustrialZone = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Address = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    SearchText = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enterprises", x => x.Id);
                    table.ForeignKey(
                        name: "FK_enterprises_units_GrassrootsUnitId",
                        column: x => x.GrassrootsUnitId,
                        principalSchema: "organization",
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_enterprises_units_UnitId",
                        column: x => x.UnitId,
                        principalSchema: "organization",
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "enterprise_year_figures",
                schema: "organization",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Workforce = table.Column<int>(type: "int", nullable: false),
                    Women = table.Column<int>(type: "int", nullable: false),
                    UnionMembers = table.Column<int>(type: "int", nullable: false),
                    AverageMonthlyIncome = table.Column<decimal>(type: "decimal(18,0)", precision: 18, scale: 0, nullable: false),
                    CbaSigned = table.Column<bool>(type: "bit", nullable: false),
                    CbaSignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CbaExpiresOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Disputes = table.Column<int>(type: "int", nullable: false),
                    Stoppages = table.Column<int>(type: "int", nullable: false),
                    Dialogues = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enterprise_year_figures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_enterprise_year_figures_enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalSchema: "organization",
                        principalTable: "enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_enterprise_year_figures_EnterpriseId_Year",
                schema: "organization",
                table: "enterprise_year_figures",
                columns: new[] { "EnterpriseId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enterprise_year_figures_Year_UnitId",
                schema: "organization",
                table: "enterprise_year_figures",
                columns: new[] { "Year", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_enterprises_District",
                schema: "organization",
                table: "enterprises",
                column: "District");

            migrationBuilder.CreateIndex(
                name: "IX_enterprises_GrassrootsUnitId",
                schema: "organization",
                table: "enterprises",
                column: "GrassrootsUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_enterprises_TaxCode",
                schema: "organization",
                table: "enterprises",
                column: "TaxCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enterprises_UnitId",
                schema: "organization",
                table: "enterprises",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "enterprise_year_figures",
                schema: "organization");

            migrationBuilder.DropTable(
                name: "enterprises",
                schema: "organization");
        }
    }
}
