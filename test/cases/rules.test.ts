/** The small rules of the case workflow that need no server: calendar arithmetic of periods, evidence file types and names. */
import { describe, expect, it } from 'vitest';
import { safeFileName, sniffType } from '../../src/cases/attachments.js';
import { addDays, addMonths, periodEnd } from '../../src/kernel/time.js';
import { resolveSanctions } from '../../src/cases/sanctions.js';

describe('periods', () => {
  it("end a day before the same day months later, on the month's last day where it has none", () => {
    expect(periodEnd('2024-04-01', 6)).toBe('2024-09-30');
    expect(periodEnd('2024-08-31', 6)).toBe('2025-02-27'); // 2025-02-28 is the "same day", less one
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(periodEnd('2024-03-10', 12)).toBe('2025-03-09');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
  });

  it("start a decision's sanctions the day after it takes effect at the earliest", () => {
    const [a, b, c] = resolveSanctions(
      [
        { kind: 'suspend_institution', months: 6 },
        { kind: 'suspend_department', months: 6, dept: 'A07', from: '2024-05-01' },
        { kind: 'suspend_practitioner', months: 3, pracCode: 'D330102000001', from: '2024-01-01' },
      ],
      '2024-03-31',
    );
    expect([a!.from, a!.to]).toEqual(['2024-04-01', '2024-09-30']);
    expect([b!.from, b!.to]).toEqual(['2024-05-01', '2024-10-31']);
    expect([c!.from, c!.to]).toEqual(['2024-04-01', '2024-06-30']);
    expect(resolveSanctions([{ kind: 'terminate_institution' }], '2024-03-31')[0]!.to).toBeNull();
  });
});

describe('evidence files', () => {
  it('are typed by their content, whatever their name says', () => {
    expect(sniffType(Buffer.from('%PDF-1.7 ...'), 'a.pdf')).toBe('application/pdf');
    expect(sniffType(Buffer.from('%PDF-1.7 ...'), 'a.jpg')).toBe('application/pdf');
    expect(sniffType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]), 'photo.jpeg')).toBe('image/jpeg');
    expect(sniffType(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]), '笔录.docx')).toMatch(/wordprocessingml/);
    expect(sniffType(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'archive.zip')).toBeNull();
    expect(sniffType(Buffer.from('MZ\x90\x00'), 'evidence.pdf')).toBeNull();
    expect(sniffType(Buffer.from('<svg onload="alert(1)"/>'), 'x.svg')).toBeNull();
    expect(sniffType(Buffer.from('<html><script>x</script></html>'), 'x.txt')).toBe('text/plain; charset=utf-8');
    expect(sniffType(Buffer.from([0x61, 0x00, 0x62]), 'x.txt')).toBeNull();
    expect(sniffType(Buffer.from([0xc3, 0x28]), 'x.txt')).toBeNull();
    expect(sniffType(Buffer.from('现场').subarray(0, 4), 'x.txt', false)).toBe('text/plain; charset=utf-8'); // a sample cut inside a character
  });

  it('keep a name without a path or control characters', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Users\\a\\笔录 1.pdf')).toBe('笔录 1.pdf');
    // Control characters are dropped (issue 13: they were replaced by _ before), a quote still becomes _.
    expect(safeFileName('a"b\r\n.pdf')).toBe('a_b.pdf');
    expect(safeFileName('..')).toBe('file');
  });
});
