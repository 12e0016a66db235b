// End-to-end: the labour and labour-relations database against the real backend and demo seed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { expectAccessible, startBackendAndBrowser, login, screenshot, settled } from './support/browser.mjs';

let backend;
let browser;
let filesDir;

before(async () => {
  filesDir = mkdtempSync(join(tmpdir(), 'khcn-e2e-labour-'));
  [backend, browser] = await startBackendAndBrowser();
});

after(async () => {
  await browser?.close();
  await backend?.stop();
  if (filesDir) rmSync(filesDir, { recursive: true, force: true });
});

const newPage = async () => {
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true, viewport: { width: 1440, height: 900 } });
  return { context, page: await context.newPage() };
};

/** A zip with stored (uncompressed) entries: all an .xlsx needs, without a library. */
function zip(files) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, 'utf8');
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const centralSize = centrals.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

const escapeXml = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const column = (i) => String.fromCharCode(65 + i);

/** A one-sheet .xlsx of these rows (first row = headers), strings inline, numbers as numbers. */
function xlsx(rows) {
  const sheetRows = rows
    .map((row, r) => {
      const cells = row
        .map((value, c) => {
          if (value === null || value === undefined || value === '') return '';
          const ref = `${column(c)}${r + 1}`;
          return typeof value === 'number'
            ? `<c r="${ref}"><v>${value}</v></c>`
            : `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join('');
  return zip({
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Doanh nghiệp" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetRows}</sheetData></worksheet>`,
  });
}

const HEADERS = ['Mã số thuế', 'Tên doanh nghiệp', 'Loại hình sở hữu', 'Ngành', 'Huyện/thị xã/thành phố', 'Khu công nghiệp', 'Địa chỉ', 'Mã CĐCS', 'Năm',
  'Tổng số lao động', 'Lao động nữ', 'Đoàn viên công đoàn', 'Thu nhập bình quân (đồng/tháng)', 'Có TƯLĐTT', 'Ngày ký TƯLĐTT', 'Ngày hết hạn TƯLĐTT',
  'Số vụ tranh chấp lao động', 'Số cuộc ngừng việc tập thể', 'Số cuộc đối thoại'];

/** A fictional tax code with the official check digit. */
function taxCode(nine) {
  const weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];
  const check = 10 - ([...nine].reduce((s, d, i) => s + Number(d) * weights[i], 0) % 11);
  return check === 10 ? taxCode(String(Number(nine) + 1).padStart(9, '0')) : nine + check;
}

describe('labour database against the real backend', () => {
  test('the Văn Lâm officer sees only Văn Lâm enterprises, the figures and the summary', async () => {
    const { context, page } = await newPage();
    try {
      await login(page, backend.baseUrl, 'canbo.vanlam@hungyen.demo');
      await page.goto(`${backend.baseUrl}/organization/enterprises?year=2024`);
      const table = page.getByRole('table');
      await table.getByRole('link', { name: 'Công ty TNHH Dệt may Lạc Hồng' }).waitFor();
      await settled(page);
      const districts = await table.locator('tbody tr td:nth-child(5)').allInnerTexts();
      assert.ok(districts.length >= 5, `expected the Văn Lâm enterprises, saw ${districts.length}`);
      assert.ok(districts.every((d) => d.startsWith('Văn Lâm')), `only Văn Lâm enterprises: ${districts.join(' | ')}`);
      assert.equal(await table.getByRole('link', { name: 'Công ty TNHH Nhựa Phố Nối' }).count(), 0);
      await screenshot(page, '50-labour-list');
      await expectAccessible(page, 'enterprise list');

      // The export downloads a real .xlsx (a zip) with the current filters.
      const [exported, download] = await Promise.all([
        page.waitForResponse((r) => r.url().includes('/api/v1/organization/labour/export') && r.url().includes('year=2024')),
        page.waitForEvent('download'),
        page.getByTestId('export-labour').click(),
      ]);
      assert.equal(exported.status(), 200);
      const saved = join(filesDir, 'export.xlsx');
      await download.saveAs(saved);
      const { readFileSync } = await import('node:fs');
      assert.equal(readFileSync(saved).subarray(0, 2).toString('latin1'), 'PK');

      await table.getByRole('link', { name: 'Công ty TNHH Dệt may Lạc Hồng' }).click();
      const detail = page.getByTestId('enterprise-detail');
      await detail.waitFor();
      assert.match(await detail.innerText(), /CĐCS Công ty TNHH Dệt may Lạc Hồng/);
      await page.getByTestId('figures-table').getByRole('cell', { name: '2023', exact: true }).waitFor();
      await screenshot(page, '51-labour-detail');
      await page.getByTestId('add-figures').click();
      await page.getByRole('dialog').waitFor();
      await page.getByRole('dialog').getByLabel('Năm').fill('2022');
      await page.getByRole('dialog').getByLabel('Tổng số lao động').fill('100');
      await page.getByRole('dialog').getByLabel('Lao động nữ').fill('150');
      await page.getByRole('button', { name: 'Lưu' }).click();
      await page.getByRole('dialog').getByText('Lao động nữ không được nhiều hơn tổng số lao động.').waitFor();
      await screenshot(page, '52-labour-figures-modal', { fullPage: false });
      await page.getByRole('button', { name: 'Huỷ' }).click();

      await page.goto(`${backend.baseUrl}/organization/enterprises/aggregates?year=2024`);
      await page.getByTestId('aggregate-table').waitFor();
      await page.getByTestId('group-by').getByText('Khu công nghiệp').click();
      await page.getByTestId('aggregate-table').getByText('KCN Phố Nối A').waitFor();
      await screenshot(page, '53-labour-aggregates');
      await expectAccessible(page, 'labour aggregates');
    } finally {
      await context.close();
    }
  });

  test('an import with invalid rows is rejected whole with its row errors; the corrected file imports', async () => {
    const { context, page } = await newPage();
    try {
      await login(page, backend.baseUrl, 'canbo.vanlam@hungyen.demo');
      const fresh = taxCode(String(Date.now()).slice(-9));
      const good = [fresh, 'Công ty TNHH Nhập thử E2E', 'Tư nhân', 'Điện tử', 'Văn Lâm', 'KCN Phố Nối A', 'Lô E2E', 'VANLAM-DIENTUNHUQUYNH', 2024, 250, 120, 200, 9200000, 'Có', '01/03/2024', '28/02/2027', 0, 0, 2];
      const badTax = ['0100000000', 'Công ty sai mã số thuế', 'Tư nhân', 'Điện tử', 'Văn Lâm', '', '', '', 2024, 10, 5, 5, 7000000, 'Không', '', '', 0, 0, 0];
      const badWomen = [taxCode('090077701'), 'Công ty nữ vượt tổng', 'Tư nhân', 'Dệt may, da giày', 'Văn Lâm', '', '', '', 2024, 10, 50, 5, 7000000, 'Không', '', '', 0, 0, 0];
      const invalidPath = join(filesDir, 'sai.xlsx');
      const validPath = join(filesDir, 'dung.xlsx');
      writeFileSync(invalidPath, xlsx([HEADERS, good, badTax, badWomen]));
      writeFileSync(validPath, xlsx([HEADERS, good]));

      await page.goto(`${backend.baseUrl}/organization/enterprises/import`);
      await page.getByTestId('choose-file').waitFor();
      await page.locator('input[type=file]').setInputFiles(invalidPath);
      await page.getByTestId('run-import').click();
      const errors = page.getByTestId('row-errors');
      await errors.waitFor();
      const rows = await errors.locator('tbody tr').allInnerTexts();
      assert.ok(rows.some((r) => r.startsWith('3') && r.includes('Mã số thuế')), rows.join(' | '));
      assert.ok(rows.some((r) => r.startsWith('4') && r.includes('Lao động nữ')), rows.join(' | '));
      assert.ok(!rows.some((r) => r.startsWith('2')), 'the valid row has no error');
      await screenshot(page, '54-labour-import-rejected');
      await expectAccessible(page, 'labour import');

      // Nothing was written: the valid row's enterprise does not exist yet.
      await page.goto(`${backend.baseUrl}/organization/enterprises?year=2024&q=${fresh}`);
      await page.getByRole('table').waitFor();
      await settled(page);
      assert.equal(await page.getByRole('table').getByRole('link', { name: 'Công ty TNHH Nhập thử E2E' }).count(), 0);

      await page.goto(`${backend.baseUrl}/organization/enterprises/import`);
      await page.getByTestId('choose-file').waitFor();
      await page.locator('input[type=file]').setInputFiles(validPath);
      await page.getByTestId('check-import').click();
      await page.getByTestId('import-summary').getByText(/Tệp hợp lệ: 1 dòng/).waitFor();
      await page.getByTestId('run-import').click();
      await page.getByTestId('import-summary').getByText(/Đã nhập 1 dòng: thêm 1 doanh nghiệp/).waitFor();
      await screenshot(page, '55-labour-import-done');

      await page.goto(`${backend.baseUrl}/organization/enterprises?year=2024&q=${fresh}`);
      await page.getByRole('table').getByRole('link', { name: 'Công ty TNHH Nhập thử E2E' }).waitFor();
    } finally {
      await context.close();
    }
  });
});
