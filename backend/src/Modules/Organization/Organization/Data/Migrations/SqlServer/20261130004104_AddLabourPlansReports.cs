using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khcn.Organization.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddLabourPlansReports : Migration
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
                name: "plans",
                schema: "organization",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    IssuerName = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodFrom = table.Column<int>(type: "int", nullable: false),
                    PeriodTo = table.Column<int>(type: "int", nullable: false),
                    Implements = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    ImplementationDeadline = table.Column<DateOnly>(type: "date", nullable: false),
                    Summary = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    SearchText = table.Column<string>(type: "nvarchar(max)", maxLength: 6000, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plans_units_UnitId",
                        column: x => x.UnitId,
                        principalSchema: "organization",
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "report_periods",
                schema: "organization",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_periods", x => x.Id);
                    table.ForeignKey(
                        name: "FK_report_periods_units_UnitId",
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

            migrationBuilder.CreateTable(
                name: "implementation_plans",
                schema: "organization",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PlanId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Number = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FirstIssuedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Note = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    RevisionNo = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_implementation_plans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_implementation_plans_plans_PlanId",
                        column: x => x.PlanId,
                        principalSchema: "organization",
                        principalTable: "plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_implementation_plans_units_UnitId",
                        column: x => x.UnitId,
                        principalSchema: "organization",
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "plan_indicators",
                schema: "organization",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PlanId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false),
                    Code = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    UnitOfMeasure = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Target = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    Note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_indicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_indicators_plans_PlanId",
                        column: x => x.PlanId,
                        principalSchema: "organization",
                        principalTable: "plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_sections",
                schema: "organization",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PlanId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false),
                    Code = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_sections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_sections_plans_PlanId",
                        column: x => x.PlanId,
                        principalSchema: "organization",
                        principalTable: "plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "annual_reports",
                schema: "organization",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PeriodId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    FirstSubmittedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    SubmittedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    SubmittedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ReviewedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ReviewedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ReviewComment = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Late = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_annual_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_annual_reports_report_periods_PeriodId",
                        column: x => x.PeriodId,
                        principalSchema: "organization",
                        principalTable: "report_periods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_annual_reports_units_UnitId",
                        column: x => x.UnitId,
                        principalSchema: "organization",
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "report_indicators",
                schema: "organization",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PeriodId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Code = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Section = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Measure = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    Source = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: true),
                    Position = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_indicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_report_indicators_report_periods_PeriodId",
                        column: x => x.PeriodId,
                        principalSchema: "organization",
                        principalTable: "report_periods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "implementation_plan_attachments",
                schema: "organization",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ImplementationPlanId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RevisionNo = table.Column<int>(type: "int", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    StorageKey = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    UploadedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_implementation_plan_attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_implementation_plan_attachments_implementation_plans_ImplementationPlanId",
                        column: x => x.ImplementationPlanId,
                        principalSchema: "organization",
                        principalTable: "implementation_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "implementation_plan_revisions",
                schema: "organization",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ImplementationPlanId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RevisionNo = table.Column<int>(type: "int", nullable: false),
                    Number = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Note = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    ChangedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ChangedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_implementation_plan_revisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_implementation_plan_revisions_implementation_plans_ImplementationPlanId",
                        column: x => x.ImplementationPlanId,
                        principalSchema: "organization",
                        principalTable: "implementation_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_tasks",
                schema: "organization",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SectionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false),
                    Code = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    ResponsibleBoard = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    Due = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_tasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_tasks_plan_sections_SectionId",
                        column: x => x.SectionId,
                        principalSchema: "organization",
                        principalTable: "plan_sections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "report_events",
                schema: "organization",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReportId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Actor = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Comment = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_report_events_annual_reports_ReportId",
                        column: x => x.ReportId,
                        principalSchema: "organization",
                        principalTable: "annual_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "report_values",
                schema: "organization",
                columns: table => new
                {
                    ReportId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    IndicatorCode = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Number = table.Column<decimal>(type: "decimal(20,2)", precision: 20, scale: 2, nullable: true),
                    Text = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_values", x => new { x.ReportId, x.IndicatorCode });
                    table.ForeignKey(
                        name: "FK_report_values_annual_reports_ReportId",
                        column: x => x.ReportId,
                        principalSchema: "organization",
                        principalTable: "annual_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_annual_reports_PeriodId_UnitId",
                schema: "organization",
                table: "annual_reports",
                columns: new[] { "PeriodId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_annual_reports_UnitId",
                schema: "organization",
                table: "annual_reports",
                column: "UnitId");

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

            migrationBuilder.CreateIndex(
                name: "IX_implementation_plan_attachments_ImplementationPlanId",
                schema: "organization",
                table: "implementation_plan_attachments",
                column: "ImplementationPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_implementation_plan_revisions_ImplementationPlanId_RevisionNo",
                schema: "organization",
                table: "implementation_plan_revisions",
                columns: new[] { "ImplementationPlanId", "RevisionNo" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_implementation_plans_PlanId_UnitId",
                schema: "organization",
                table: "implementation_plans",
                columns: new[] { "PlanId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_implementation_plans_UnitId",
                schema: "organization",
                table: "implementation_plans",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_indicators_PlanId_Order",
                schema: "organization",
                table: "plan_indicators",
                columns: new[] { "PlanId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_plan_sections_PlanId_Order",
                schema: "organization",
                table: "plan_sections",
                columns: new[] { "PlanId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_plan_tasks_SectionId_Order",
                schema: "organization",
                table: "plan_tasks",
                columns: new[] { "SectionId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_plans_UnitId_IssuedOn",
                schema: "organization",
                table: "plans",
                columns: new[] { "UnitId", "IssuedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_report_events_ReportId",
                schema: "organization",
                table: "report_events",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_report_indicators_PeriodId_Code",
                schema: "organization",
                table: "report_indicators",
                columns: new[] { "PeriodId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_report_periods_UnitId_Year",
                schema: "organization",
                table: "report_periods",
                columns: new[] { "UnitId", "Year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "enterprise_year_figures",
                schema: "organization");

            migrationBuilder.DropTable(
                name: "implementation_plan_attachments",
                schema: "organization");

            migrationBuilder.DropTable(
                name: "implementation_plan_revisions",
                schema: "organization");

            migrationBuilder.DropTable(
                name: "plan_indicators",
                schema: "organization");

            migrationBuilder.DropTable(
                name: "plan_tasks",
                schema: "organization");

            migrationBuilder.DropTable(
                name: "report_events",
                schema: "organization");

            migrationBuilder.DropTable(
                name: "report_indicators",
                schema: "organization");

            migrationBuilder.DropTable(
                name: "report_values",
                schema: "organization");

            migrationBuilder.DropTable(
                name: "enterprises",
                schema: "organization");

            migrationBuilder.DropTable(
                name: "implementation_plans",
                schema: "organization");

            migrationBuilder.DropTable(
                name: "plan_sections",
                schema: "organization");

            migrationBuilder.DropTable(
                name: "annual_reports",
                schema: "organization");

            migrationBuilder.DropTable(
                name: "plans",
                schema: "organization");

            migrationBuilder.DropTable(
                name: "report_periods",
                schema: "organization");
        }
    }
}
