// The app's text import on damaged text (fast-check), on a real database: lines deleted,
// duplicated or moved, the text cut short, bytes flipped. Whatever the damage, the import either
// stores the whole document as the importer reads it (every figure, at version 1) or stores
// nothing at all — no department, no accounts, no figure, no audit row — and says why, naming
// the file. It never fails with an internal error.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFinalAccounts } from '../../lib/accounts/validation';
import { readFinalAccounts } from '../../lib/data/accounts-store';
import { importPublishedText, previewTextImport } from '../../lib/data/text-import';
import { disconnectPrisma } from '../../lib/db';
import { importText } from '../../lib/import/text';
import { damageLines, lineDamage, type LineDamage } from '../fixtures/text-damage';
import { db } from './fixtures';
import { bureau, cellsOf, districtState, textForm } from './text-import-fixtures';

afterAll(disconnectPrisma);

const TEXT = readFileSync('/work/shared/documents/2024-shanghai-putuo-social-work-department-final-accounts.txt', 'utf8');
const FILE = 'damaged.txt';

/** One byte of the UTF-8 text replaced: an encoding damaged in transit. */
const byteFlip = fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) });

function damaged(lines: readonly LineDamage[], flip: { at: number; byte: number } | null): Uint8Array {
  const bytes = new TextEncoder().encode(damageLines(TEXT, lines));
  if (flip && bytes.length > 0) bytes[flip.at % bytes.length] = flip.byte;
  return bytes;
}

const upload = (bytes: Uint8Array, fields: Record<string, string>) => textForm(FILE, bytes, fields);

describe('importing damaged published text', () => {
  it('stores the whole document as read, or nothing, and says why', async () => {
    const outcomes = { stored: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(lineDamage(6), { maxLength: 4 }), fc.option(byteFlip), fc.constantFrom('record', 'draft'), async (lines, flip, mode) => {
        const { district, reviewer } = await bureau('上海市普陀区');
        const bytes = damaged(lines, flip);
        const before = await districtState(district.id);

        // The preview's digest is the acknowledgement of whatever problems it found.
        const preview = await previewTextImport(reviewer, upload(bytes, {}));
        expect(preview.ok || preview.code === 'invalid', preview.ok ? '' : preview.message).toBe(true);
        const fields: Record<string, string> = { mode, newDepartment: 'on', ...(preview.ok ? { acknowledged: preview.data.digest } : {}) };
        const result = await importPublishedText(reviewer, upload(bytes, fields));
        if (!result.ok) {
          expect(['invalid', 'conflict']).toContain(result.code);
          expect(result.message.startsWith(`${FILE}：`) || result.code === 'invalid').toBe(true);
          expect(result.message.length).toBeGreaterThan(FILE.length + 1);
          expect(await districtState(district.id)).toEqual(before);
          outcomes.refused += 1;
          return;
        }
        // Stored: the whole document as the importer reads it, nothing else.
        const read = importText(new TextDecoder().decode(bytes));
        if (!read.ok) throw new Error('stored a text the importer cannot read');
        const parsed = parseFinalAccounts(read.document);
        if (!parsed.ok) throw new Error('stored a document the schema refuses');
        expect(read.problems.some((p) => p.damaged)).toBe(false);
        const stored = await readFinalAccounts(db(), result.data.finalAccountsId);
        expect(stored?.version).toBe(1);
        expect(cellsOf(stored!.document)).toEqual(cellsOf(parsed.doc));
        const after = await districtState(district.id);
        expect(after.departments).toBe(1);
        expect(after.accounts).toBe(1);
        outcomes.stored += 1;
      }),
      { numRuns: 25, seed: 20261128 },
    );
    // Both ways out were taken: the damage is neither always fatal nor always harmless.
    expect(outcomes.stored).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  }, 180_000);
});
