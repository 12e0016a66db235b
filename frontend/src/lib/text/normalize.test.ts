import { foldForSearch, matchesSearch } from './normalize';

describe('foldForSearch', () => {
  it('drops Vietnamese diacritics and case', () => {
    expect(foldForSearch('Liên đoàn Lao động tỉnh Hưng Yên')).toBe('lien doan lao dong tinh hung yen');
  });

  it('maps đ and Đ to d', () => {
    expect(foldForSearch('Đồng Đội')).toBe('dong doi');
  });
});

describe('matchesSearch', () => {
  it('finds "Hưng Yên" when typing "hung yen"', () => {
    expect(matchesSearch('Liên đoàn Lao động thành phố Hưng Yên', 'hung yen')).toBe(true);
  });

  it('matches words in any order and rejects missing words', () => {
    expect(matchesSearch('Liên đoàn Lao động huyện Văn Lâm', 'lam van')).toBe(true);
    expect(matchesSearch('Liên đoàn Lao động huyện Văn Lâm', 'van giang')).toBe(false);
  });
});
