using Khcn.BuildingBlocks.Text;

namespace Khcn.UnitTests;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("Hưng Yên", "hung yen")]
    [InlineData("Liên đoàn Lao động", "lien doan lao dong")]
    [InlineData("ĐỖ MINH ĐỨC", "do minh duc")]
    [InlineData("  Văn   Lâm ", "van lam")]
    [InlineData("Khoái Châu", "khoai chau")]
    [InlineData("Tiên Lữ", "tien lu")]
    public void Folding_ignores_case_diacritics_and_turns_d_bar_into_d(string text, string folded) =>
        VietnameseText.Fold(text).ShouldBe(folded);

    [Fact]
    public void Composed_and_decomposed_input_fold_alike() =>
        VietnameseText.Fold("Hưng Yên".Normalize(System.Text.NormalizationForm.FormD)).ShouldBe(VietnameseText.Fold("Hưng Yên"));

    [Fact]
    public void Empty_input_folds_to_empty() => VietnameseText.Fold(null).ShouldBe("");
}

public sealed class TextSearchTests
{
    [Fact]
    public void Query_words_are_folded_and_split_on_spaces_and_punctuation() =>
        TextSearch.Words(" Sáng kiến, CẢI TIẾN  kỹ-thuật ").ShouldBe(["sang", "kien", "cai", "tien", "ky", "thuat"]);

    [Fact]
    public void Every_word_must_appear_in_any_order()
    {
        var rows = new[] { "quy che khen thuong sang kien, cai tien ky thuat", "huong dan ho tro kinh phi" }.AsQueryable();
        rows.WhereMatches("cai tien sang kien", r => r).ShouldHaveSingleItem();
        rows.WhereMatches("sang kien ho tro", r => r).ShouldBeEmpty();
        rows.WhereMatches("  ", r => r).Count().ShouldBe(2);
    }
}
