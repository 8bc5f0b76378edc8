/**
 * A rule's definition is a template naming its parameters ({name}, {name%}); the text shown beside a finding, on
 * the rules page and by `fundguard rules` is rendered from the configured values, so a bureau that changes a
 * parameter reads what the rule now does.
 */
import { describe, expect, it } from 'vitest';
import { BUILT_IN_RULES, findRule } from '../../src/screening/catalog.js';
import { configureRules } from '../../src/screening/config.js';
import { defineRule, definitionErrors, definitionPlaceholders, renderDefinition, type RuleDefinition } from '../../src/screening/rule.js';
import { fundguard } from '../support/cli.js';

const rule = (code: string) => findRule(code)!;

describe('rule definitions', () => {
  it("every rule's placeholders are its parameters, and every parameter is named", () => {
    for (const r of BUILT_IN_RULES) {
      expect(definitionErrors(r), r.code).toEqual([]);
      expect(definitionPlaceholders(r.definition).sort(), r.code).toEqual(Object.keys(r.params).sort());
    }
  });

  it('no definition writes a default as a number instead of naming the parameter', () => {
    for (const r of BUILT_IN_RULES) {
      const text = r.definition.replace(/\{[a-z_0-9]+%?\}/g, ' ');
      // Numbers standing alone: not part of a column name (max_cnt_per_7d) or a code (J18.900).
      const numbers = [...text.matchAll(/(?<![\w.])(\d+(?:\.\d+)?)(%?)(?![\w.])/g)].map((m) => Number(m[1]) / (m[2] ? 100 : 1));
      for (const [name, spec] of Object.entries(r.params))
        expect(numbers, `${r.code}: ${name} = ${spec.default}`).not.toContain(spec.default);
    }
  });

  it('renders the defaults where no value is given', () => {
    expect(renderDefinition(rule('SPLIT_ADMISSION'))).toBe(
      '同一参保人在同一机构出院当日至其后 15 天内再次入院（入院日 − 前次出院日在 0 到 15 天之间），两次主诊断前 3 位相同；记在后一次住院上',
    );
    expect(renderDefinition(rule('STOCK_MISMATCH'))).toContain('大于该和的 5% 并大于 2 个单位');
    expect(renderDefinition(rule('PHANTOM_ADMISSION'))).toContain('住院 5 个及以上日历天（含入出院当日）中至少 80% 的天数');
    expect(renderDefinition(rule('OVER_DAYS_SUPPLY'))).toContain(
      '普通门诊及其他门诊 7 天、急诊 3 天、门诊慢特病 28 天、定点药店购药 28 天',
    );
    for (const r of BUILT_IN_RULES) expect(renderDefinition(r), r.code).not.toMatch(/[{}]/);
    // A rule without parameters shows its text as written.
    expect(renderDefinition(rule('GENDER_RESTRICTED'))).toBe(rule('GENDER_RESTRICTED').definition);
  });

  it('changing a parameter changes the rendered text', () => {
    const configured = configureRules({ rules: { SPLIT_ADMISSION: { params: { max_gap_days: 30, diag_prefix_len: 4 } } } });
    const split = configured.find((c) => c.rule.code === 'SPLIT_ADMISSION')!;
    expect(renderDefinition(split.rule, split.params)).toBe(
      '同一参保人在同一机构出院当日至其后 30 天内再次入院（入院日 − 前次出院日在 0 到 30 天之间），两次主诊断前 4 位相同；记在后一次住院上',
    );
    expect(renderDefinition(rule('STOCK_MISMATCH'), { tolerance_share: 0.07 })).toContain('大于该和的 7% 并大于 2 个单位');
    expect(renderDefinition(rule('PHANTOM_ADMISSION'), { idle_share: 0.75, min_stay_days: 4 })).toContain(
      '住院 4 个及以上日历天（含入出院当日）中至少 75% 的天数',
    );
    // Every parameter of every rule shows in the text: another value gives another text.
    for (const r of BUILT_IN_RULES) {
      for (const [name, spec] of Object.entries(r.params)) {
        const other = spec.default + 13;
        expect(renderDefinition(r, { [name]: other }), `${r.code}.${name}`).not.toBe(renderDefinition(r));
      }
    }
  });

  it('a definition naming something other than a parameter, or leaving one out, fails when the rule is declared', () => {
    const base = rule('UNVERIFIED_ADMISSION');
    const declare =
      (definition: string, params: RuleDefinition['params'] = base.params) =>
      () =>
        defineRule({ ...base, definition, params });
    expect(declare('入院日前 {window_days} 天至后 {window_day} 天内')).toThrow(/names \{window_day\}, not a parameter/);
    expect(declare('入院日前 1 天至后 1 天内')).toThrow(/does not mention the parameter \{window_days\}/);
    expect(declare('入院日前 {window_days} 天至后 {window_days} 天内')).not.toThrow();
    expect(declare('无参数的定义', {})).not.toThrow();
  });

  it('fundguard rules --json gives the text with the defaults and its template', () => {
    const r = fundguard(['rules', '--json']);
    expect(r.code).toBe(0);
    const rules = JSON.parse(r.stdout) as { code: string; definition: string; definitionTemplate: string }[];
    const split = rules.find((x) => x.code === 'SPLIT_ADMISSION')!;
    expect(split.definition).toBe(renderDefinition(rule('SPLIT_ADMISSION')));
    expect(split.definitionTemplate).toContain('{max_gap_days}');
  });
});
