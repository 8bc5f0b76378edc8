/** `fundguard rules`: the built-in rules with their parameters (and, with --json, their definitions). */
import { BUILT_IN_RULES } from '../../screening/catalog.js';
import { renderDefinition } from '../../screening/rule.js';
import { table } from '../format.js';
import type { Options } from '../options.js';

export function rulesCommand(opts: Options): number {
  if (opts.json) {
    console.log(
      JSON.stringify(
        BUILT_IN_RULES.map((r) => ({
          code: r.code,
          name: r.name,
          nameEn: r.nameEn,
          level: r.level,
          key: r.key,
          requires: r.requires,
          optional: r.optional ?? [],
          params: r.params,
          // The text with the default parameters, and the template it is rendered from ({name}: a parameter).
          definition: renderDefinition(r),
          definitionTemplate: r.definition,
        })),
        null,
        2,
      ),
    );
    return 0;
  }
  console.log(
    table(
      ['rule', '名称', 'level', 'key', 'parameters (default)'],
      BUILT_IN_RULES.map((r) => [
        r.code,
        r.name,
        r.level,
        r.key.join('+'),
        Object.entries(r.params)
          .map(([k, p]) => `${k}=${p.default}`)
          .join(' ') || '-',
      ]),
    ),
  );
  return 0;
}
