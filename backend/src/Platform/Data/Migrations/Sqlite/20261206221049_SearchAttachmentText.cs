using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khcn.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchAttachmentText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite keeps no lengths: the longer body (attachments' text, ADR 0014) changes only the model.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
