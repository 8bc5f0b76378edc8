import { describe, expect, it } from 'vitest';
import { requiredText } from '../src/lib/forms';
import { parseAuditFilter } from '../src/lib/query';

describe('form rules', () => {
  it('require a text that is not blank', () => {
    expect(requiredText('请填写理由')).toEqual({ required: true, whitespace: true, message: '请填写理由' });
  });
});

describe('audit filters in the query string', () => {
  it('read a positive page, the actor and the person', () => {
    expect(parseAuditFilter(new URLSearchParams('page=2&actor=analyst'))).toEqual({ page: 2, actor: 'analyst', psnNo: undefined });
    expect(parseAuditFilter(new URLSearchParams('page=-1&psnNo=P1'))).toEqual({ page: undefined, actor: undefined, psnNo: 'P1' });
  });
});
