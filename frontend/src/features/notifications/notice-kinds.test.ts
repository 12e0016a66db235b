import { i18n } from '@/lib/i18n';
import vi from './locales/vi.json';
import en from './locales/en.json';
import './strings';

/**
 * Every notice kind the Participation module emits has its wording in both languages, using only parameters the
 * backend sends with it (the bell falls back to the server's Vietnamese text otherwise). The list is the kinds of
 * `new Notice(…)` under backend/src/Modules/Participation:
 *   grep -rhoE 'new Notice\(\$?"([^"\\]|\\.)*",\s*\$?"[^"]+"' backend/src/Modules/Participation | sed -E 's/.*,\s*\$?"([^"]+)"$/\1/' | sort -u
 * with RegistrationReminders' `emulation.registration-{phase}` spelled out for its two phases. A kind added there
 * belongs here too.
 */
const PARTICIPATION_KINDS: Record<string, string[]> = {
  'initiative.recognised': ['title', 'certificateNumber', 'amount'],
  'council.assigned': ['council', 'role', 'roleName', 'items'],
  'council.result': ['title', 'outcome', 'tally', 'agree', 'members', 'needed'],
  'council.closed': ['council', 'items', 'summary'],
  'topic.council-result': ['title', 'outcome', 'result'],
  'topic.closed': ['title', 'note'],
  'topic.cancelled': ['title', 'reason'],
  'commendation.council_voted': ['title', 'outcome', 'council', 'result', 'agree', 'members', 'needed'],
  'commendation.refused': ['form', 'year', 'reason'],
  'commendation.approved': ['form', 'year', 'number', 'date'],
  'commendation.honoured': ['form', 'year', 'number', 'date'],
  'commendation.collective-honoured': ['unit', 'form', 'year', 'number', 'date'],
  'emulation.registration-due-soon': ['movement', 'year', 'unit', 'deadline'],
  'emulation.registration-due-today': ['movement', 'year', 'unit', 'deadline'],
  'emulation.review-requested': ['unit', 'movement', 'year', 'total'],
  'emulation.reviewed': ['movement', 'year', 'total', 'changes', 'adjusted'],
};

function wording(bundle: unknown, kind: string): unknown {
  return ['notifications', 'kinds', ...kind.split('.')].reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], bundle);
}

describe('notice kinds of Participation', () => {
  it.each(['vi', 'en'] as const)('each has a %s wording that uses only the parameters sent with it', (lang) => {
    const bundle = lang === 'vi' ? vi : en;
    for (const [kind, params] of Object.entries(PARTICIPATION_KINDS)) {
      const text = wording(bundle, kind);
      expect(typeof text, `${lang}: ${kind}`).toBe('string');
      const used = [...(text as string).matchAll(/\{\{\s*([^\s}]+)\s*\}\}/g)].map((m) => m[1]);
      expect(params, `${lang}: ${kind} uses ${used.join(', ')}`).toEqual(expect.arrayContaining(used));
    }
  });

  it('renders a kind with its parameters in the UI language', async () => {
    await i18n.changeLanguage('en');
    const params = { unit: 'CĐCS Công ty TNHH Dệt may Lạc Hồng', form: 'Giấy khen', year: '2026', number: '12/QĐ', date: '01/12/2026' };
    expect(i18n.t('notifications.kinds.commendation.collective-honoured', params))
      .toBe('CĐCS Công ty TNHH Dệt may Lạc Hồng has been awarded Giấy khen (2026) by Decision No. 12/QĐ of 01/12/2026.');
    await i18n.changeLanguage('vi');
    expect(i18n.t('notifications.kinds.emulation.review-requested', { unit: 'LĐLĐ huyện Văn Lâm', movement: 'Lao động giỏi', year: '2026', total: '85' }))
      .toBe('LĐLĐ huyện Văn Lâm đã tự chấm điểm thi đua năm 2026 của phong trào "Lao động giỏi" (85 điểm); đề nghị đơn vị thẩm định.');
  });
});
