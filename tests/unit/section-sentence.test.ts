// 选中此句 in the narrative editor selects the claim's sentence as the core cuts sentences
// (splitSentences: at 。！？ with closing quotes, or at a line break), not from one 。 to the next.
import { describe, expect, it } from 'vitest';
import { sentenceRange } from '@/app/(entry)/entry/[id]/_components/sections/narrative-section-editor';
import { checkFinalAccounts } from '@/lib/accounts/check';
import { loadSeed } from './seed-document';

const selected = (text: string, offset: number) => {
  const range = sentenceRange(text, offset);
  return range && text.slice(...range);
};

describe('sentenceRange', () => {
  it('stops at ？ and ！ and at a line break, without the spaces around the sentence', () => {
    const text = '收入增加了吗？增加了！\n  支出减少 5 万元\n合计。';
    expect(selected(text, text.indexOf('增加了！'))).toBe('增加了！');
    expect(selected(text, text.indexOf('5 万元'))).toBe('支出减少 5 万元');
    expect(selected(text, text.length)).toBe('合计。');
    expect(sentenceRange(text, text.length + 1)).toBeUndefined();
    expect(sentenceRange('', 0)).toBeUndefined();
  });

  it('selects the line of the seed’s 三公 narrative a finding points at, not the heading line before it', () => {
    const seed = loadSeed();
    const finding = checkFinalAccounts(seed).find((f) => f.rule === 'narrative.completion');
    const text = seed.narrative[finding?.location?.section ?? -1]?.text ?? '';
    expect(selected(text, finding?.location?.offset ?? -1)).toBe('1.因公出国(境)费支出决算为 0 万元，完成年初预算的 0.0%，比年初预算增加 0 万元，主要原因是未安排此项预算及支出。');
  });
});
