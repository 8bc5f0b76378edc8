import { describe, expect, it } from 'vitest';
import type { CaseDecision } from '../src/api/types';
import { caseStatsExportUrl } from '../src/api/endpoints';
import { groupDigits, parseMoney } from '../src/components/MoneyInput';
import { makeFormatter } from '../src/i18n/format';
import {
  caseStep,
  decisionBody,
  decisionValues,
  fineAmount,
  fineMultipleValid,
  lossChanged,
  openDecision,
  outstanding,
  selectable,
  shortHash,
} from '../src/lib/cases';
import {
  caseStatsFilterToParams,
  casesFilterToParams,
  cluesFilterToParams,
  parseCaseStatsFilter,
  parseCasesFilter,
  parseCluesFilter,
} from '../src/lib/query';

describe('clue-ledger filters in the query string', () => {
  it('reads the API parameters and drops what the API would reject', () => {
    expect(
      parseCluesFilter(new URLSearchParams('status=open&source=report&institution=%20H33010900002%20&admdvs=330109&page=2&pageSize=20')),
    ).toEqual({ status: 'open', source: 'report', institution: 'H33010900002', admdvs: '330109', page: 2, pageSize: 20 });
    expect(parseCluesFilter(new URLSearchParams('status=closed&source=rumour&admdvs=33x&page=0&pageSize=500'))).toEqual({});
  });

  it('writes them back in a stable order and round-trips', () => {
    const f = { page: 3, institution: 'H1', status: 'in_case' as const, source: 'finding' as const };
    expect(cluesFilterToParams(f).toString()).toBe('status=in_case&source=finding&institution=H1&page=3');
    expect(parseCluesFilter(cluesFilterToParams(f))).toEqual(f);
  });
});

describe('case-ledger filters', () => {
  it('keep known statuses and the overdue flag, and round-trip', () => {
    const f = parseCasesFilter(new URLSearchParams('status=appealed&grid=G33010901&handler=analyst&overdue=true&admdvs=3301&pageSize=100'));
    expect(f).toEqual({ status: 'appealed', grid: 'G33010901', handler: 'analyst', overdue: 'true', admdvs: '3301', pageSize: 100 });
    expect(parseCasesFilter(casesFilterToParams(f))).toEqual(f);
    expect(casesFilterToParams(f).toString()).toBe('status=appealed&admdvs=3301&grid=G33010901&handler=analyst&overdue=true&pageSize=100');
    expect(parseCasesFilter(new URLSearchParams('status=open&overdue=yes'))).toEqual({});
  });
});

describe('statistics query', () => {
  it('keeps months and the grouping by grid; by region is the default and left out', () => {
    expect(parseCaseStatsFilter(new URLSearchParams('from=2024-03&to=2024-13&by=grid'))).toEqual({ from: '2024-03', by: 'grid' });
    expect(parseCaseStatsFilter(new URLSearchParams('by=region&from=2024-3'))).toEqual({});
    expect(caseStatsFilterToParams({ from: '2024-03', to: '2024-04', by: 'region' }).toString()).toBe('from=2024-03&to=2024-04');
  });

  it('exports the same query', () => {
    expect(caseStatsExportUrl({ from: '2024-03', to: '2024-04', by: 'grid' })).toBe(
      '/api/case-stats/export.xlsx?from=2024-03&to=2024-04&by=grid',
    );
    expect(caseStatsExportUrl({})).toBe('/api/case-stats/export.xlsx');
  });
});

describe('the fine under the regulation', () => {
  it('allows 1–2× for a violation and 2–5× for fraud; 0 or nothing is no fine', () => {
    expect(fineMultipleValid('violation', 1.5)).toBe(true);
    expect(fineMultipleValid('violation', 2.5)).toBe(false);
    expect(fineMultipleValid('fraud', 1.5)).toBe(false);
    expect(fineMultipleValid('fraud', 5)).toBe(true);
    expect(fineMultipleValid('fraud', 0)).toBe(true);
    expect(fineMultipleValid('violation', null)).toBe(true);
  });

  it('is the loss times the multiple, to the fen, shown as ¥ with separators', () => {
    expect(fineAmount(7335.13, 1.5)).toBe(11002.7);
    expect(fineAmount(1234.565, 2)).toBe(2469.13);
    expect(fineAmount(1000, 0)).toBeNull();
    expect(fineAmount(null, 2)).toBeNull();
    expect(makeFormatter('zh-CN').money(fineAmount(7335.13, 1.5))).toBe('¥11,002.70');
  });

  it('shows amounts typed in a money field with separators, and reads them back', () => {
    expect(groupDigits('1234567.50')).toBe('1,234,567.50');
    expect(groupDigits('999')).toBe('999');
    expect(groupDigits('')).toBe('');
    expect(parseMoney('¥ 1,234,567.50')).toBe(1234567.5);
  });

  it('needs a reason only when the loss differs from the confirmed findings', () => {
    expect(lossChanged(100, 100.001)).toBe(false);
    expect(lossChanged(120, 100)).toBe(true);
    expect(lossChanged(null, 100)).toBe(false);
  });
});

const decision = (over: Partial<CaseDecision>): CaseDecision => ({
  id: 'd1',
  caseId: 'k1',
  caseNo: 'AJ202400001',
  fixmedinsCode: 'H33010900002',
  institutionName: null,
  version: 1,
  status: 'draft',
  violationKind: 'violation',
  lossComputed: 1000,
  loss: 1000,
  lossReason: null,
  returnAmount: 1000,
  refuseAmount: 0,
  fineMultiple: 2,
  fineAmount: 2000,
  sanctions: [{ kind: 'suspend_institution', from: '2024-04-01', to: '2024-09-30', months: 6 }],
  interview: true,
  referPolice: false,
  referDiscipline: false,
  basis: '第三十八条',
  draftedBy: 'analyst',
  draftedAt: '2024-03-31T02:00:00.000Z',
  submittedAt: null,
  reviewedBy: null,
  reviewedAt: null,
  reviewComment: null,
  effectiveOn: null,
  appealUntil: null,
  supersedes: null,
  ...over,
});

describe('the decision form', () => {
  it("starts blank with the confirmed findings' amount as the loss", () => {
    expect(decisionValues(undefined, 7335.13)).toEqual({
      violationKind: 'violation',
      loss: 7335.13,
      sanctions: [],
      interview: false,
      referPolice: false,
      referDiscipline: false,
      basis: '',
    });
  });

  it('starts from a draft with its sanctions, and from an approved decision without their dates (they run from the new approval)', () => {
    expect(decisionValues(decision({}), 1000).sanctions).toEqual([
      { kind: 'suspend_institution', months: 6, from: '2024-04-01', dept: null, pracCode: null },
    ]);
    expect(decisionValues(decision({ status: 'approved' }), 1000).sanctions[0]!.from).toBeNull();
  });

  it('sends each sanction with only its own fields, empty amounts left to the server, a loss reason only when the loss differs', () => {
    const body = decisionBody(
      {
        violationKind: 'fraud',
        loss: 1000,
        lossReason: ' 不需要 ',
        returnAmount: null,
        refuseAmount: 50,
        fineMultiple: 3,
        sanctions: [
          { kind: 'terminate_institution', months: 6, dept: 'A07' },
          { kind: 'suspend_department', months: 8, dept: ' A07 ', pracCode: 'D123456789012' },
          { kind: 'suspend_practitioner', months: 3, pracCode: 'D123456789012', from: '2024-05-01' },
        ],
        interview: false,
        referPolice: true,
        referDiscipline: false,
        basis: ' 第四十条 ',
      },
      1000,
    );
    expect(body).toEqual({
      violationKind: 'fraud',
      loss: 1000,
      lossReason: undefined,
      returnAmount: undefined,
      refuseAmount: 50,
      fineMultiple: 3,
      sanctions: [
        { kind: 'terminate_institution', from: undefined, months: undefined, dept: undefined, pracCode: undefined },
        { kind: 'suspend_department', from: undefined, months: 8, dept: 'A07', pracCode: undefined },
        { kind: 'suspend_practitioner', from: '2024-05-01', months: 3, dept: undefined, pracCode: 'D123456789012' },
      ],
      interview: false,
      referPolice: true,
      referDiscipline: false,
      basis: '第四十条',
    });
    expect(
      decisionBody({ ...decisionValues(undefined, 1000), loss: 800, lossReason: '飞行检查核定', fineMultiple: 0, basis: 'x' }, 1000),
    ).toMatchObject({ loss: 800, lossReason: '飞行检查核定', fineMultiple: null });
  });
});

describe('where a case stands', () => {
  it('takes a step for each status; decided again after an appeal is past the appeal', () => {
    expect(caseStep('investigating', false)).toBe(0);
    expect(caseStep('reviewing', false)).toBe(1);
    expect(caseStep('decided', false)).toBe(2);
    expect(caseStep('appealed', false)).toBe(3);
    expect(caseStep('decided', true)).toBe(3);
    expect(caseStep('closed', true)).toBe(4);
  });

  it("owes the approved decisions' returns and fines less what was paid", () => {
    const decisions = [
      decision({ status: 'superseded', returnAmount: 1000, fineAmount: 2000 }),
      decision({ id: 'd2', status: 'approved', returnAmount: 1000, fineAmount: 1000 }),
    ];
    const recoveries = [
      { id: 'r1', kind: 'return' as const, amount: 400, paidOn: '2024-04-20', reference: null, recordedBy: 'a', recordedAt: '' },
    ];
    expect(outstanding({ decisions, recoveries })).toEqual({ return: 600, fine: 1000 });
    expect(openDecision(decisions)).toBeUndefined();
    expect(openDecision([decision({ status: 'returned' })])?.status).toBe('returned');
  });

  it('opens one case on open clues of one institution', () => {
    const a = { status: 'open' as const, fixmedinsCode: 'H1' };
    expect(selectable(a, [])).toBe(true);
    expect(selectable(a, [{ fixmedinsCode: 'H1' }])).toBe(true);
    expect(selectable(a, [{ fixmedinsCode: 'H2' }])).toBe(false);
    expect(selectable({ ...a, status: 'in_case' }, [])).toBe(false);
  });

  it("says a file's size", () => {
    const fmt = makeFormatter('zh-CN');
    expect([fmt.bytes(48), fmt.bytes(12_345), fmt.bytes(3 * 1024 * 1024), fmt.bytes(null)]).toEqual(['48 B', '12.1 KB', '3.0 MB', '—']);
  });

  it('shortens a log hash to tell entries apart', () => {
    expect(shortHash('0123456789abcdef'.repeat(4))).toBe('0123456789ab');
  });
});
