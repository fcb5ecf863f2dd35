// Reading blocks copied from Excel and WPS for the entry grid's paste.
import { describe, expect, it } from 'vitest';
import { isBlock, parseTsv } from '../../app/(entry)/entry/[id]/_lib/tsv';

describe('parseTsv', () => {
  it('reads lines of tab-separated cells, with the trailing line break Excel adds', () => {
    expect(parseTsv('214.65\t214.65\r\n17.61\t17.61\r\n')).toEqual([['214.65', '214.65'], ['17.61', '17.61']]);
    expect(parseTsv('26.81\n9.58\n')).toEqual([['26.81'], ['9.58']]);
  });

  it('keeps blank cells, which clear their targets', () => {
    expect(parseTsv('1\t\t3\n\t2\t\n')).toEqual([['1', '', '3'], ['', '2', '']]);
  });

  it('reads quoted cells with tabs, line breaks and doubled quotes inside', () => {
    expect(parseTsv('"a\tb"\t"line 1\nline 2"\t"say ""hi"""\n')).toEqual([['a\tb', 'line 1\nline 2', 'say "hi"']]);
  });

  it('reads a value that only starts with a quote as it is', () => {
    expect(parseTsv('"12\t3')).toEqual([['"12', '3']]);
  });

  it('reads one value as one cell, and nothing as no lines', () => {
    expect(parseTsv('2882.93')).toEqual([['2882.93']]);
    expect(isBlock(parseTsv('2882.93'))).toBe(false);
    expect(isBlock(parseTsv('1\t2'))).toBe(true);
    expect(isBlock(parseTsv('1\n2\n'))).toBe(true);
    expect(parseTsv('')).toEqual([]);
  });
});

describe('parseTsv with stray quotes', () => {
  it('reads quotes that do not enclose a whole cell as text', () => {
    expect(parseTsv('"12"3\t4\n')).toEqual([['"12"3', '4']]);
    expect(parseTsv('a"b\t"c"\n')).toEqual([['a"b', 'c']]);
  });
});
