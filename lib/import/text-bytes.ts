// The bytes of a text file a user hands us, as text: UTF-8 (with or without its BOM), UTF-16 with
// its BOM (Windows Notepad's "Unicode"), else GB18030 (GBK's superset, what Excel and Notepad on
// a Chinese Windows save as "ANSI"), else refused in words. The one decoder of every text we are
// given: the published-text import (CLI and app) and the CSV tables.

/** Published documents' text runs to some 100–300 KB; 5 MB refuses the wrong file in time. */
export const MAX_PUBLISHED_TEXT_BYTES = 5 * 1024 * 1024;

export type TextEncodingName = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030';
export type DecodedText = { ok: true; text: string; encoding: TextEncodingName } | { ok: false; reason: string };

const BOMS: readonly { bytes: readonly number[]; label: string; encoding: TextEncodingName }[] = [
  { bytes: [0xef, 0xbb, 0xbf], label: 'utf-8', encoding: 'UTF-8' },
  { bytes: [0xff, 0xfe], label: 'utf-16le', encoding: 'UTF-16LE' },
  { bytes: [0xfe, 0xff], label: 'utf-16be', encoding: 'UTF-16BE' },
];

const decode = (label: string, bytes: Uint8Array): string | undefined => {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
};

export function decodeText(bytes: Uint8Array): DecodedText {
  for (const bom of BOMS) {
    if (bom.bytes.every((b, i) => bytes[i] === b)) {
      const text = decode(bom.label, bytes.subarray(bom.bytes.length));
      return text === undefined
        ? { ok: false, reason: `文件开头标明是 ${bom.encoding} 编码，但其后的内容不是有效的 ${bom.encoding} 文本` }
        : { ok: true, text, encoding: bom.encoding };
    }
  }
  if (bytes.includes(0)) return { ok: false, reason: '文件中有空字节，不是文本文件' };
  const utf8 = decode('utf-8', bytes);
  if (utf8 !== undefined) return { ok: true, text: utf8, encoding: 'UTF-8' };
  const gb = decode('gb18030', bytes);
  if (gb !== undefined) return { ok: true, text: gb, encoding: 'GB18030' };
  return { ok: false, reason: '文件既不是 UTF-8 也不是 GB18030（GBK）编码的文本：请另存为 UTF-8 后再导入' };
}
