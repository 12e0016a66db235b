using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khcn.Platform.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SearchAttachmentText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Body",
                schema: "platform",
                table: "search_documents",
                type: "nvarchar(max)",
                maxLength: 204000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(4000)",
                oldMaxLength: 4000);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Body",
                schema: "platform",
                table: "search_documents",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(max)",
                oldMaxLength: 204000);
        }
    }
}
