// Makes the bureau of one text-import test (run by text-import-fixtures.ts under tsx) and prints it
// as JSON: a district of its own under a real district's name (the import checks that a document
// belongs to the district by the name it prints), with its own code and slug, and its reviewer
// with a password; a temporary directory holding the texts she will upload; and, for the seed
// text, every figure of the seed's transcription as "table:row:column" → "2882.93".
// Arguments: "qiaokou" (武汉市硚口区: the seed text with its department renamed, 社会工作部's text and
// the damaged copy) or "putuo" (上海市普陀区: 财政局's text, which has one problem to acknowledge).
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableCells } from '../../lib/accounts/cells';
import { toAmountText } from '../../lib/accounts/money';
import { disconnectPrisma, getPrisma } from '../../lib/db';
import { hashPassword } from '../../lib/password';
import { readSeedDocument } from '../../prisma/seed';

const DOCUMENTS = '/work/shared/documents/';
const SEED_TEXT = '2021-qiaokou-big-data-center-final-accounts.txt';
const SOCIAL_WORK_TEXT = '2024-shanghai-putuo-social-work-department-final-accounts.txt';
const DAMAGED_TEXT = '2024-shanghai-putuo-finance-bureau-damaged-copy.txt';
const FINANCE_BUREAU_TEXT = '2024-shanghai-putuo-finance-bureau-final-accounts.txt';

const DISTRICTS = { qiaokou: '武汉市硚口区', putuo: '上海市普陀区' } as const;

async function main() {
  const kind = process.argv[2];
  if (kind !== 'qiaokou' && kind !== 'putuo') throw new Error(`text-import-setup.ts: expected "qiaokou" or "putuo", got "${kind ?? ''}"`);
  const db = getPrisma();
  const tag = randomUUID().slice(0, 8);
  const districtName = DISTRICTS[kind];
  const password = `e2e-${randomUUID()}`;
  const reviewer = `e2e-import-reviewer-${tag}@test.local`;
  const district = await db.district.create({
    data: { code: `E2I-${tag}`, slug: `e2e-import-${kind}-${tag}`, name: districtName, financeBureauName: `${districtName}财政局` },
  });
  const user = await db.user.create({
    data: { email: reviewer, displayName: `导入测试审核员 ${tag}`, passwordHash: await hashPassword(password), role: 'REVIEWER', districtId: district.id },
  });

  const dir = mkdtempSync(join(tmpdir(), 'e2e-text-import-'));
  const files: Record<string, string> = {};
  const put = (key: string, name: string, text?: string) => {
    const path = join(dir, name);
    if (text === undefined) copyFileSync(join(DOCUMENTS, name), path);
    else writeFileSync(path, text, 'utf8');
    files[key] = path;
  };

  if (kind === 'putuo') {
    put('financeBureau', FINANCE_BUREAU_TEXT);
    console.log(JSON.stringify({ reviewer, reviewerId: user.id, password, districtId: district.id, districtSlug: district.slug, districtName, files }));
    return;
  }

  // The seed text under a department name of its own, so that the department is new in the
  // district and its name unique among the published accounts.
  const departmentSuffix = `数据测试中心${tag}`;
  const departmentName = `武汉市硚口区${departmentSuffix}`;
  const seedText = readFileSync(join(DOCUMENTS, SEED_TEXT), 'utf8');
  if (!seedText.includes('部门：武汉市硚口区大数据中心')) throw new Error(`${SEED_TEXT} changed: it no longer prints 部门：武汉市硚口区大数据中心`);
  put('seed', `2021-qiaokou-data-test-center-${tag}.txt`, seedText.replaceAll('大数据中心', departmentSuffix));
  put('socialWork', SOCIAL_WORK_TEXT);
  put('damaged', DAMAGED_TEXT);
  const cells = Object.fromEntries(tableCells(readSeedDocument()).map((c) => [`${c.table}:${c.row}:${c.column}`, toAmountText(c.amount)]));
  console.log(JSON.stringify({
    reviewer, reviewerId: user.id, password, districtId: district.id, districtSlug: district.slug, districtName, files,
    departmentName, departmentSlug: `data-test-center-${tag}`, cells,
  }));
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => void disconnectPrisma());
