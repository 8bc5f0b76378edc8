/**
 * Encodes text as GB18030 for tests. Node can decode GB18030 but not encode it, so the table is built by decoding
 * every two-byte sequence (GBK, which holds all common Chinese characters); other characters are refused.
 */
let table: Map<string, [number, number]> | null = null;

function gbkTable(): Map<string, [number, number]> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder('gb18030', { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      try {
        const ch = decoder.decode(Uint8Array.of(lead, trail));
        if (!table.has(ch)) table.set(ch, [lead, trail]);
      } catch {
        // not a character
      }
    }
  }
  return table;
}

export function encodeGb18030(text: string): Buffer {
  const t = gbkTable();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const pair = t.get(ch);
      if (!pair) throw new Error(`no two-byte GB18030 code for ${ch} (U+${code.toString(16)})`);
      out.push(...pair);
    }
  }
  return Buffer.from(out);
}
