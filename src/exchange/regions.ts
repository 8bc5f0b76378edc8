/**
 * Names of administrative divisions (行政区划) the workbench shows beside their codes. The exchange format
 * carries codes only; this table covers the synthetic city's districts (杭州市) and falls back to the code.
 */
const NAMES: Record<string, string> = {
  '33': '浙江省',
  '3301': '杭州市',
  '330102': '上城区',
  '330105': '拱墅区',
  '330106': '西湖区',
  '330108': '滨江区',
  '330109': '萧山区',
  '330110': '余杭区',
  '330111': '富阳区',
  '330112': '临安区',
  '330113': '临平区',
  '330114': '钱塘区',
  '330122': '桐庐县',
  '330127': '淳安县',
  '330182': '建德市',
};

export function regionName(admdvs: string | null | undefined): string | null {
  if (!admdvs) return null;
  return NAMES[admdvs] ?? NAMES[admdvs.slice(0, 6)] ?? admdvs;
}
