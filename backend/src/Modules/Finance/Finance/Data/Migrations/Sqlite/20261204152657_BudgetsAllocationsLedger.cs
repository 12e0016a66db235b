using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khcn.Finance.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BudgetsAllocationsLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "allocations",
                schema: "finance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    BudgetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TargetKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TargetId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TargetLabel = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ObligationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 0, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SpentAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 0, nullable: true),
                    ReturnedUnspent = table.Column<decimal>(type: "TEXT", precision: 18, scale: 0, nullable: false),
                    ReturnedUnrequested = table.Column<decimal>(type: "TEXT", precision: 18, scale: 0, nullable: false),
                    SettlementNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SettledBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SettledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_allocations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "balances",
                schema: "finance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Remaining = table.Column<decimal>(type: "TEXT", precision: 18, scale: 0, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_balances", x => x.Id);
                    table.CheckConstraint("ck_balances_remaining_not_negative", "Remaining >= 0");
                });

            migrationBuilder.CreateTable(
                name: "budgets",
                schema: "finance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubmittedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ApprovedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ApprovedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_budgets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "fiscal_years",
                schema: "finance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fiscal_years", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "funding_sources",
                schema: "finance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ProgrammeReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SponsorName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SponsorTaxCode = table.Column<string>(type: "TEXT", maxLength: 14, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_sources", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ledger_entries",
                schema: "finance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TransactionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Account = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Debit = table.Column<decimal>(type: "TEXT", precision: 18, scale: 0, nullable: false),
                    Credit = table.Column<decimal>(type: "TEXT", precision: 18, scale: 0, nullable: false),
                    Event = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReversesTransactionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Memo = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    PostedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PostedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "obligations",
                schema: "finance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InitiativeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Total = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_obligations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tranches",
                schema: "finance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AllocationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 0, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RequestedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RequestTransactionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ApprovedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    VoucherNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PaidBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RejectedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tranches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "allocation_parts",
                schema: "finance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AllocationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BudgetLineId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 0, nullable: false),
                    Returned = table.Column<decimal>(type: "TEXT", precision: 18, scale: 0, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_allocation_parts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_allocation_parts_allocations_AllocationId",
                        column: x => x.AllocationId,
                        principalSchema: "finance",
                        principalTable: "allocations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "budget_lines",
                schema: "finance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BudgetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 0, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_budget_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_budget_lines_budgets_BudgetId",
                        column: x => x.BudgetId,
                        principalSchema: "finance",
                        principalTable: "budgets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "obligation_years",
                schema: "finance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ObligationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AuthorsTotal = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    OrganisersMinimum = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_obligation_years", x => x.Id);
                    table.ForeignKey(
                        name: "FK_obligation_years_obligations_ObligationId",
                        column: x => x.ObligationId,
                        principalSchema: "finance",
                        principalTable: "obligations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_allocation_parts_AllocationId_SourceId",
                schema: "finance",
                table: "allocation_parts",
                columns: new[] { "AllocationId", "SourceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_allocation_parts_BudgetLineId",
                schema: "finance",
                table: "allocation_parts",
                column: "BudgetLineId");

            migrationBuilder.CreateIndex(
                name: "IX_allocations_ObligationId",
                schema: "finance",
                table: "allocations",
                column: "ObligationId");

            migrationBuilder.CreateIndex(
                name: "IX_allocations_TargetKind_TargetId",
                schema: "finance",
                table: "allocations",
                columns: new[] { "TargetKind", "TargetId" });

            migrationBuilder.CreateIndex(
                name: "IX_allocations_UnitId_Year",
                schema: "finance",
                table: "allocations",
                columns: new[] { "UnitId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_budget_lines_BudgetId_Purpose_SourceId",
                schema: "finance",
                table: "budget_lines",
                columns: new[] { "BudgetId", "Purpose", "SourceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_budget_lines_SourceId",
                schema: "finance",
                table: "budget_lines",
                column: "SourceId");

            migrationBuilder.CreateIndex(
                name: "IX_budgets_UnitId_Year",
                schema: "finance",
                table: "budgets",
                columns: new[] { "UnitId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_fiscal_years_UnitId_Year",
                schema: "finance",
                table: "fiscal_years",
                columns: new[] { "UnitId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_funding_sources_UnitId",
                schema: "finance",
                table: "funding_sources",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entries_Account_AccountId",
                schema: "finance",
                table: "ledger_entries",
                columns: new[] { "Account", "AccountId" });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entries_DocumentId",
                schema: "finance",
                table: "ledger_entries",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entries_TransactionId",
                schema: "finance",
                table: "ledger_entries",
                column: "TransactionId");

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entries_UnitId_Year_SourceId",
                schema: "finance",
                table: "ledger_entries",
                columns: new[] { "UnitId", "Year", "SourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_obligation_years_ObligationId",
                schema: "finance",
                table: "obligation_years",
                column: "ObligationId");

            migrationBuilder.CreateIndex(
                name: "IX_obligations_InitiativeId",
                schema: "finance",
                table: "obligations",
                column: "InitiativeId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_obligations_UnitId",
                schema: "finance",
                table: "obligations",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_tranches_AllocationId_Status",
                schema: "finance",
                table: "tranches",
                columns: new[] { "AllocationId", "Status" });

            // The ledger is append-only (ADR 0013): the database refuses an update or a delete whatever the code does.
            migrationBuilder.Sql("CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries BEGIN SELECT RAISE(ABORT, 'ledger_entries is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries BEGIN SELECT RAISE(ABORT, 'ledger_entries is append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ledger_entries_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ledger_entries_no_delete;");
            migrationBuilder.DropTable(
                name: "allocation_parts",
                schema: "finance");

            migrationBuilder.DropTable(
                name: "balances",
                schema: "finance");

            migrationBuilder.DropTable(
                name: "budget_lines",
                schema: "finance");

            migrationBuilder.DropTable(
                name: "fiscal_years",
                schema: "finance");

            migrationBuilder.DropTable(
                name: "funding_sources",
                schema: "finance");

            migrationBuilder.DropTable(
                name: "ledger_entries",
                schema: "finance");

            migrationBuilder.DropTable(
                name: "obligation_years",
                schema: "finance");

            migrationBuilder.DropTable(
                name: "tranches",
                schema: "finance");

            migrationBuilder.DropTable(
                name: "allocations",
                schema: "finance");

            migrationBuilder.DropTable(
                name: "budgets",
                schema: "finance");

            migrationBuilder.DropTable(
                name: "obligations",
                schema: "finance");
        }
    }
}
