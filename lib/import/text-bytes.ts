// The bytes of a text file a user hands us, as text: UTF-8 (with or without its BOM), else
// GB18030 (GBK's superset, what Chinese Windows tools save as "ANSI"), else refused in words.
// The one place the CLI and the app decode an uploaded published text.

export type DecodedText = { ok: true; text: string; encoding: 'UTF-8' | 'GB18030' } | { ok: false; reason: string };

const decode = (encoding: string, bytes: Uint8Array): string | undefined => {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
};

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.includes(0)) return { ok: false, reason: '文件中有空字节，不是文本文件（请上传从 PDF 提取的 .txt 文本）' };
  const utf8 = decode('utf-8', bytes);
  if (utf8 !== undefined) return { ok: true, text: utf8, encoding: 'UTF-8' };
  const gb = decode('gb18030', bytes);
  if (gb !== undefined) return { ok: true, text: gb, encoding: 'GB18030' };
  return { ok: false, reason: '文件既不是 UTF-8 也不是 GB18030（GBK）编码的文本：请另存为 UTF-8 后再导入' };
}
