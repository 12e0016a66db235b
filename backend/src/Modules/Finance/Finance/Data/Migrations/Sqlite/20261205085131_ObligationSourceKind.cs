using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khcn.Finance.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ObligationSourceKind : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_obligations_InitiativeId",
                schema: "finance",
                table: "obligations");

            migrationBuilder.RenameColumn(
                name: "InitiativeId",
                schema: "finance",
                table: "obligations",
                newName: "RecordId");

            migrationBuilder.AddColumn<string>(
                name: "SourceKind",
                schema: "finance",
                table: "obligations",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Initiative");

            // The column used to be InitiativeId, but the topic-funding and commendation-prize consumers stored their
            // topic's and proposal's ids in it: tell those rows apart by the title (and basis) those consumers write.
            migrationBuilder.Sql("UPDATE obligations SET SourceKind = 'ResearchTopic' WHERE Title LIKE 'Đề tài: %' AND LegalBasis LIKE 'Hợp đồng thực hiện đề tài%';");
            migrationBuilder.Sql("UPDATE obligations SET SourceKind = 'Commendation' WHERE Title LIKE 'Tiền thưởng khen thưởng: %';");

            migrationBuilder.CreateIndex(
                name: "IX_obligations_SourceKind_RecordId",
                schema: "finance",
                table: "obligations",
                columns: new[] { "SourceKind", "RecordId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_obligations_SourceKind_RecordId",
                schema: "finance",
                table: "obligations");

            migrationBuilder.DropColumn(
                name: "SourceKind",
                schema: "finance",
                table: "obligations");

            migrationBuilder.RenameColumn(
                name: "RecordId",
                schema: "finance",
                table: "obligations",
                newName: "InitiativeId");

            migrationBuilder.CreateIndex(
                name: "IX_obligations_InitiativeId",
                schema: "finance",
                table: "obligations",
                column: "InitiativeId",
                unique: true);
        }
    }
}
