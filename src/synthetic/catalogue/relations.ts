/**
 * Item relations (hilist_rel), by item name; catalogue.ts resolves the names to codes.
 *
 * Rules the data keeps (checked by test/synthetic/catalogue.test.ts):
 * - every item is a service of 甲类 without lmt* restrictions or a seven-day limit, and belongs to one relation
 *   at most (one exclusive pair, or one bundle as package or part);
 * - the two items of a pair share settings and groups ('any' or common);
 * - the parts of a bundle have the groups and settings of the package, and at every institution level the
 *   package's cap is below the sum of its two cheapest parts' caps (so UNBUNDLING can be produced).
 */

/** 互斥 / 重复收费: not to be charged for the same visit on the same day. */
export const EXCLUSIVE_PAIRS: Array<[string, string]> = [
  ['特级护理', '一级护理'],
  ['二级护理', '三级护理'],
  ['普通病房床位费', '重症监护病房床位费'],
  ['血常规(三分类)', '血常规(五分类)'],
  ['常规心电图', '床边心电图'],
  ['静脉注射', '静脉输液(第一组)'],
  ['超声雾化吸入', '氧气驱动雾化吸入'],
];

/** 包含项目: a package and its parts. */
export const BUNDLES: Array<[pkg: string, parts: string[]]> = [
  ['肝功能', ['丙氨酸氨基转移酶测定', '天门冬氨酸氨基转移酶测定', '总胆红素测定', '白蛋白测定']],
  ['肾功能', ['尿素测定', '肌酐测定', '尿酸测定']],
  ['电解质', ['钾测定', '钠测定', '氯测定']],
  ['血脂四项', ['总胆固醇测定', '甘油三酯测定', '高密度脂蛋白胆固醇测定', '低密度脂蛋白胆固醇测定']],
  ['凝血四项', ['凝血酶原时间测定', '活化部分凝血活酶时间测定', '凝血酶时间测定', '纤维蛋白原测定']],
  ['甲状腺功能三项', ['游离三碘甲状腺原氨酸测定', '游离甲状腺素测定', '促甲状腺激素测定']],
];
