/**
 * Quick synthetic exchange-format data set for benchmarks.
 *
 * The large tables are generated inside DuckDB with SQL: visits from `range()`, their fee lines by
 * `unnest(range(n))`, every choice from hash-based pseudo-randomness (`hash(key, salt, seed)`), and written
 * straight to the output files with `COPY (query) TO`. The small reference tables (institutions, catalogue,
 * item relations) are built in TypeScript with a seeded PRNG. The same seed gives byte-identical files
 * (unless `exactOrder: false`).
 *
 * The data are valid under the exchange format but neither violation-free nor labelled: an item is mostly
 * billed where its restrictions allow it (a line draws its item from a pool of the catalogue items compatible
 * with the visit's disease group, institution level and med_type), and small shares of lines, visits and
 * institutions break a rule on purpose (the constants below), so that screening finds a realistic spread of
 * findings — about 1.2 per 100 fee lines.
 *
 * Memory stays bounded: the fee lines are never stored; the visit table (a tenth of the lines) is the
 * largest table held, within DuckDB's memory_limit (spilling to a temporary directory in the output).
 * FG_GENERATE_PROFILE=dir writes a DuckDB profile of every statement to dir (a development aid).
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DuckDbEngine } from '../src/db/duckdb.js';
import { TABLE_NAMES } from '../src/exchange/tables.js';

export interface GenerateOptions {
  /** Output directory (created if needed; existing table files in it are replaced). */
  out: string;
  /** Number of fee lines (feedetl rows) to generate. */
  feeLines: number;
  format: 'csv' | 'parquet';
  seed?: number;
  /**
   * Write the fee lines in line order, on one thread, so that the same seed gives byte-identical files
   * (default). False writes them on all threads: the same rows, in an order that varies from run to run, and
   * faster when the cores are free (10 million lines as Parquet on two cores: 35 s instead of 44 s).
   */
  exactOrder?: boolean;
  /** DuckDB memory limit (default 1GB; at 10 million lines 512MB works too, about 10 % slower). */
  memoryLimit?: string;
  /** Print the time of each step to stderr. */
  verbose?: boolean;
  /**
   * Multiplies every deliberate violation share above (default 1). 0 leaves only what the random background
   * breaks by itself, which shows how far the background is from clean.
   */
  violationRate?: number;
}

export interface GenerateResult {
  /** Rows written per table. */
  tables: Record<string, number>;
  seconds: number;
}

// ---------------------------------------------------------------------------------------------
// Tunables: shares of lines / visits that break a rule on purpose (the rest is drawn to be clean).

/** Share of lines whose item is drawn from the whole category, ignoring the visit's restrictions. */
const UNCONSTRAINED_ITEM = 0.0025;
/** Share of lines repeating the previous line of the visit exactly (item, time, cnt, pric). */
const DUPLICATE_LINE = 0.0004;
/** Share of capped-item lines charged 20 % above the level-3 cap. */
const OVER_CAP = 0.003;
/** Share of drug lines (outpatient / pharmacy) with a supply longer than the limit. */
const OVER_DAYS = 0.002;
/** Share of class-03 / non-medical lines the fund paid (should be fully self-paid). */
const NON_COVERED_PAID = 0.02;
/** Share of admissions with only bed / nursing / examination lines on most days. */
const IDLE_ADMISSION = 0.015;
/** Share of admissions at institutions with identity checks that have no check. */
const UNVERIFIED = 0.03;
/** Share of persons who died during 2024. */
const DEATHS = 0.003;
/** Share of admissions that are part of an admission cluster (same community, institution and day). */
const CLUSTER_ADMISSION = 0.01;
/** Share of pharmacy settlements that are part of a card-swiping burst. */
const BURST_SETTLEMENT = 0.01;
/** Share of admissions with an earlier admission of the person that are moved to just after it (same institution and diagnosis). */
const READMISSION = 0.1;
/** Share of outpatient drug lines repeated on a second prescription the same day (split prescription). */
const SPLIT_RX = 0.003;
/** Share of practitioners suspended during 2024. */
const SUSPENDED_PRAC = 0.005;

/** Visit mix by med_type. */
const MED_TYPES: Array<[string, number]> = [['11', 0.55], ['13', 0.06], ['14', 0.12], ['21', 0.07], ['41', 0.20]];

/** Charge-category mix of fee lines (after the fixed first lines), by kind of visit. */
const MIX_OUTPATIENT: Array<[number, number]> = [[9, 0.30], [11, 0.12], [10, 0.04], [4, 0.18], [3, 0.12], [5, 0.11], [8, 0.06], [14, 0.04], [6, 0.01], [12, 0.02]];
const MIX_CHRONIC: Array<[number, number]> = [[9, 0.45], [11, 0.15], [10, 0.06], [4, 0.15], [3, 0.07], [5, 0.06], [8, 0.03], [14, 0.03]];
const MIX_PHARMACY: Array<[number, number]> = [[9, 0.55], [11, 0.33], [10, 0.05], [8, 0.02], [14, 0.05]];
const MIX_INPATIENT: Array<[number, number]> = [[9, 0.35], [4, 0.17], [3, 0.08], [5, 0.15], [8, 0.10], [11, 0.06], [6, 0.03], [10, 0.02], [14, 0.04]];

/** Institution levels by med_type: shares of visits at level 3, 2, 1, 0. */
const LEVEL_MIX: Record<string, [number, number, number, number]> = {
  '11': [0.45, 0.30, 0.15, 0.10], '13': [0.60, 0.35, 0.05, 0], '14': [0.40, 0.35, 0.20, 0.05], '21': [0.55, 0.35, 0.10, 0],
};

// ---------------------------------------------------------------------------------------------
// Reference data.

const DISTRICTS: Array<[string, string]> = [
  ['330102', '上城区'], ['330105', '拱墅区'], ['330106', '西湖区'], ['330108', '滨江区'], ['330109', '萧山区'],
  ['330110', '余杭区'], ['330111', '富阳区'], ['330112', '临安区'], ['330113', '临平区'], ['330114', '钱塘区'],
];
const ND = DISTRICTS.length;

/** Disease groups: diagnosis codes (ICD-10 医保版), department, representative drug names. */
interface Group { name: string; dept: string; icd: string[]; drugs: string[] }
const GROUPS: Group[] = [
  { name: '呼吸', dept: 'A03.01', icd: ['J06.900', 'J18.900', 'J20.900', 'J44.100', 'J45.900'], drugs: ['头孢呋辛酯片', '左氧氟沙星片', '莫西沙星片', '孟鲁司特钠片', '沙美特罗替卡松吸入粉雾剂', '噻托溴铵吸入粉雾剂', '乙酰半胱氨酸颗粒'] },
  { name: '心血管', dept: 'A03.03', icd: ['I20.000', 'I21.900', 'I25.100', 'I48.x00', 'I50.900'], drugs: ['阿司匹林肠溶片', '氯吡格雷片', '替格瑞洛片', '单硝酸异山梨酯缓释片', '美托洛尔缓释片', '沙库巴曲缬沙坦钠片', '利伐沙班片'] },
  { name: '内分泌代谢', dept: 'A03.06', icd: ['E11.900', 'E11.200', 'E78.500', 'I10.x00', 'E05.900'], drugs: ['二甲双胍缓释片', '格列美脲片', '阿卡波糖片', '达格列净片', '门冬胰岛素注射液', '阿托伐他汀钙片', '氨氯地平片'] },
  { name: '消化', dept: 'A03.02', icd: ['K29.700', 'K21.000', 'K80.200', 'K35.800', 'K25.900'], drugs: ['奥美拉唑肠溶胶囊', '雷贝拉唑钠肠溶片', '铝碳酸镁咀嚼片', '枸橼酸莫沙必利片', '熊去氧胆酸胶囊', '双歧杆菌三联活菌胶囊'] },
  { name: '骨科', dept: 'A04.06', icd: ['M17.900', 'M51.200', 'M54.500', 'S72.000', 'M81.900'], drugs: ['塞来昔布胶囊', '洛索洛芬钠片', '碳酸钙D3片', '阿仑膦酸钠片', '氨基葡萄糖胶囊', '双氯芬酸二乙胺乳胶剂'] },
  { name: '神经', dept: 'A03.05', icd: ['I63.900', 'G45.900', 'G20.x00', 'G43.900', 'I67.200'], drugs: ['丁苯酞软胶囊', '多巴丝肼片', '甲钴胺片', '尼莫地平片', '依达拉奉注射液', '普瑞巴林胶囊'] },
  { name: '妇产', dept: 'A05', icd: ['N76.000', 'N92.000', 'O80.000', 'O82.900', 'D25.900'], drugs: ['黄体酮胶囊', '地屈孕酮片', '甲硝唑阴道泡腾片', '克霉唑阴道片', '缩宫素注射液', '米非司酮片'] },
  { name: '男科泌尿', dept: 'A04.03', icd: ['N40.x00', 'N41.000', 'N45.900', 'N43.300', 'C61.x00'], drugs: ['坦索罗辛缓释胶囊', '非那雄胺片', '爱普列特片', '比卡鲁胺片', '普适泰片'] },
  { name: '儿科', dept: 'A07', icd: ['J02.900', 'J03.900', 'A09.900', 'B08.400', 'R50.900'], drugs: ['小儿氨酚黄那敏颗粒', '布洛芬混悬液', '蒙脱石散', '口服补液盐散', '小儿豉翘清热颗粒', '阿莫西林克拉维酸钾干混悬剂'] },
  { name: '肿瘤', dept: 'A19', icd: ['C34.900', 'C16.900', 'C50.900', 'C22.000', 'C18.900'], drugs: ['吉非替尼片', '奥希替尼片', '卡培他滨片', '来曲唑片', '注射用紫杉醇', '甲地孕酮分散片'] },
  { name: '肾病', dept: 'A03.07', icd: ['N18.500', 'N18.400', 'N03.900', 'N04.900', 'N18.900'], drugs: ['复方α-酮酸片', '碳酸司维拉姆片', '重组人促红素注射液', '骨化三醇软胶囊', '百令胶囊'] },
  { name: '皮肤五官', dept: 'A12', icd: ['L20.900', 'L50.900', 'H10.900', 'H66.900', 'L30.900'], drugs: ['氯雷他定片', '依巴斯汀片', '左氧氟沙星滴眼液', '糠酸莫米松乳膏', '卡泊三醇软膏'] },
];
const NG = GROUPS.length;
/** Diagnosis codes per group (every group has this many). */
const NICD = 5;
const CHILD_GROUPS: Array<[number, number]> = [[0, 0.40], [3, 0.20], [8, 0.30], [11, 0.10]];
const MALE_GROUPS: Array<[number, number]> = [[0, 0.16], [1, 0.16], [2, 0.10], [3, 0.12], [4, 0.12], [5, 0.08], [7, 0.05], [9, 0.05], [10, 0.04], [11, 0.12]];
const FEMALE_GROUPS: Array<[number, number]> = [[0, 0.15], [1, 0.13], [2, 0.09], [3, 0.12], [4, 0.12], [5, 0.07], [6, 0.12], [9, 0.04], [10, 0.04], [11, 0.12]];
const CHRONIC_GROUPS: Array<[number, number]> = [[1, 0.35], [2, 0.25], [5, 0.12], [9, 0.15], [10, 0.13]];
/** Secondary diagnoses (comorbidities) any adult may have. */
const COMORBID = ['I10.x00', 'E11.900', 'E78.500', 'K29.700', 'M54.500', 'I25.100', 'J44.100', 'N18.900'];

interface Category { cat: number; n: number; listType: string; pmin: number; pmax: number; code: string; names: string[]; general: number }
const CATEGORIES: Category[] = [
  { cat: 1, n: 8, listType: 'service', pmin: 20, pmax: 150, code: '0011', general: 1, names: ['普通病房床位费', '二人间病房床位费', '单人间病房床位费', '重症监护病房床位费', '层流洁净病房床位费', '急诊观察床位费', '家庭病床建床费', '新生儿床位费'] },
  { cat: 2, n: 8, listType: 'service', pmin: 5, pmax: 60, code: '0012', general: 1, names: ['门诊诊查费', '主任医师诊查费', '副主任医师诊查费', '急诊诊查费', '住院诊查费', '会诊费', '中医辨证论治', '药学门诊'] },
  { cat: 3, n: 60, listType: 'service', pmin: 20, pmax: 900, code: '0021', general: 0.7, names: ['胸部X线摄影', '腹部彩色多普勒超声', '心脏彩色多普勒超声', '头颅CT平扫', '胸部CT平扫', '腰椎磁共振', '常规心电图', '动态心电图', '胃镜检查', '肠镜检查', '骨密度测定', '肺功能检查', '颈动脉彩超', '甲状腺彩超'] },
  { cat: 4, n: 80, listType: 'service', pmin: 5, pmax: 180, code: '0025', general: 0.7, names: ['血常规', '尿常规', '肝功能', '肾功能', '血脂', '血糖测定', '糖化血红蛋白', 'C反应蛋白', '降钙素原', '凝血功能', '心肌酶谱', '肌钙蛋白', '甲状腺功能', '电解质', '粪便常规', '前列腺特异性抗原'] },
  { cat: 5, n: 60, listType: 'service', pmin: 10, pmax: 320, code: '0031', general: 0.7, names: ['静脉输液', '肌肉注射', '雾化吸入', '针刺', '艾灸', '推拿', '中频脉冲电治疗', '换药', '清创缝合', '血液透析', '吸氧', '康复训练', '物理治疗', '留置导尿'] },
  { cat: 6, n: 40, listType: 'service', pmin: 300, pmax: 9000, code: '0033', general: 0.7, names: ['阑尾切除术', '腹腔镜胆囊切除术', '经皮冠状动脉支架置入术', '人工膝关节置换术', '剖宫产术', '子宫肌瘤剔除术', '经尿道前列腺电切术', '白内障超声乳化摘除术', '腰椎间盘髓核摘除术', '清创术'] },
  { cat: 7, n: 8, listType: 'service', pmin: 10, pmax: 80, code: '0013', general: 1, names: ['一级护理', '二级护理', '三级护理', '特级护理', '静脉采血', '口腔护理', '压疮护理', '专项护理'] },
  { cat: 8, n: 60, listType: 'material', pmin: 2, pmax: 2500, code: 'C', general: 0.7, names: ['一次性输液器', '一次性注射器', '医用纱布敷料', '留置针', '导尿管', '药物洗脱支架', '人工膝关节假体', '可吸收缝线', '一次性使用吻合器', '医用外科口罩', '医用弹力绷带', '一次性无菌手套'] },
  { cat: 9, n: 160, listType: 'drug', pmin: 2, pmax: 300, code: 'XA', general: 0.35, names: ['阿莫西林胶囊', '头孢克肟片', '阿奇霉素片', '硝苯地平控释片', '缬沙坦胶囊', '瑞舒伐他汀钙片', '布洛芬缓释胶囊', '对乙酰氨基酚片', '氯化钠注射液', '葡萄糖注射液', '注射用头孢曲松钠', '维生素C片', '甲硝唑片', '地塞米松磷酸钠注射液', '奥美拉唑肠溶胶囊', '盐酸氨溴索片'] },
  { cat: 10, n: 50, listType: 'herbal', pmin: 0.05, pmax: 3, code: 'T', general: 0.6, names: ['黄芪', '当归', '党参', '白术', '茯苓', '甘草', '川芎', '丹参', '金银花', '连翘', '陈皮', '枸杞子', '麦冬', '熟地黄', '白芍', '柴胡'] },
  { cat: 11, n: 60, listType: 'drug', pmin: 10, pmax: 130, code: 'ZA', general: 0.35, names: ['连花清瘟胶囊', '复方丹参滴丸', '银杏叶片', '六味地黄丸', '藿香正气水', '蒲地蓝消炎口服液', '血塞通软胶囊', '脑心通胶囊', '金水宝胶囊', '通心络胶囊', '板蓝根颗粒', '感冒灵颗粒'] },
  { cat: 12, n: 4, listType: 'service', pmin: 8, pmax: 15, code: '0014', general: 1, names: ['一般诊疗费', '基层一般诊疗费', '村卫生室一般诊疗费', '社区一般诊疗费'] },
  { cat: 13, n: 6, listType: 'service', pmin: 1, pmax: 50, code: '0010', general: 1, names: ['普通挂号费', '专家挂号费', '急诊挂号费', '知名专家挂号费', '互联网复诊挂号费', '夜间门诊挂号费'] },
  { cat: 14, n: 16, listType: 'service', pmin: 1, pmax: 120, code: '0019', general: 1, names: ['病历本工本费', '救护车费', '院内会诊交通费', '陪护费', '体检套餐服务', '健康咨询', '营养配餐', '病案复印', '诊断证明', '医疗废物处置费'] },
];
const NON_MEDICAL_NAMES = ['保健食品(蛋白粉)', '护手霜', '医用冷敷贴(化妆品类)', '牙膏', '洗发水', '维生素软糖'];
const NON_MEDICAL_PER_14 = 6;

const INST_LAYOUT = {
  // pharmacies first, then hospitals by level; within a block, index = base + j * ND + district.
  pharmacy: { base: 0, nj: 10 },
  3: { base: 100, nj: 4 },
  2: { base: 140, nj: 8 },
  1: { base: 220, nj: 12 },
  0: { base: 340, nj: 16 },
} as const;
const N_INST = 500;
const DOCTORS_BY_LEVEL: Record<string, number> = { pharmacy: 2, 3: 30, 2: 15, 1: 6, 0: 2 };

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '高', '罗'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '华', '慧', '建国', '志强', '晓燕', '海燕'];
const SUPPLIERS = ['华东医药股份有限公司', '英特药业有限公司', '国药控股浙江有限公司', '九州通医药集团浙江有限公司', '上海医药分销有限公司'];

// ---------------------------------------------------------------------------------------------

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const round2 = (x: number) => Math.round(x * 100) / 100;

type Lit = string | number | null;
function lit(v: Lit): string {
  if (v === null) return 'NULL';
  if (typeof v === 'number') return String(v);
  return `'${v.replace(/'/g, "''")}'`;
}
function sqlList(values: readonly Lit[]): string {
  return `[${values.map(lit).join(', ')}]`;
}
/** A CASE choosing values[index] (0-based). Cheaper per row than indexing a list literal. */
function choose(index: string, values: readonly Lit[]): string {
  return `CASE ${index} ${values.map((v, i) => `WHEN ${i} THEN ${lit(v)}`).join(' ')} END`;
}
/** A CASE choosing among weighted values by a uniform [0, 1) expression. */
function pick(u: string, weights: ReadonlyArray<readonly [Lit, number]>): string {
  const total = weights.reduce((s, [, w]) => s + w, 0);
  let acc = 0;
  const parts = weights.slice(0, -1).map(([v, w]) => { acc += w / total; return `WHEN ${u} < ${acc.toFixed(6)} THEN ${lit(v)}`; });
  return `CASE ${parts.join(' ')} ELSE ${lit(weights[weights.length - 1]![0])} END`;
}

interface Inst {
  idx: number; code: string; name: string; type: '1' | '2'; lv: number | null; kind: string; admdvs: string; grid: string;
  status: string; statusFrom: string | null; ndoc: number; docBase: number; auth: boolean; district: number;
}

function buildInstitutions(rand: () => number): Inst[] {
  const out: Inst[] = [];
  const seqByDistrict = new Array<number>(ND).fill(0);
  const seqPharm = new Array<number>(ND).fill(0);
  let docBase = 0;
  const blocks: Array<['pharmacy' | 3 | 2 | 1 | 0, { base: number; nj: number }]> = [
    ['pharmacy', INST_LAYOUT.pharmacy], [3, INST_LAYOUT[3]], [2, INST_LAYOUT[2]], [1, INST_LAYOUT[1]], [0, INST_LAYOUT[0]],
  ];
  for (const [level, { base, nj }] of blocks) {
    for (let j = 0; j < nj; j++) {
      for (let d = 0; d < ND; d++) {
        const idx = base + j * ND + d;
        const [admdvs, dname] = DISTRICTS[d]!;
        const pharmacy = level === 'pharmacy';
        const seq = pharmacy ? ++seqPharm[d]! : ++seqByDistrict[d]!;
        const code = `${pharmacy ? 'P' : 'H'}${admdvs}${pad(seq, 5)}`;
        let name: string; let kind: string;
        if (pharmacy) { name = `${dname}${['康民', '仁和', '同仁堂', '老百姓', '益丰', '海王星辰', '华东', '九洲', '天天好', '民生'][j]}大药房${seq}店`; kind = 'pharmacy'; }
        else if (level === 3) { name = `${dname}第${j + 1}人民医院`; kind = j === 3 ? 'private_hospital' : 'public_hospital'; }
        else if (level === 2) { name = j < 5 ? `${dname}${['中医院', '妇幼保健院', '第二医院', '第三医院', '骨伤科医院'][j]}` : `${dname}${['仁爱', '康复', '博爱'][j - 5]}医院`; kind = j < 5 ? 'public_hospital' : 'private_hospital'; }
        else if (level === 1) { name = `${dname}第${j + 1}社区卫生服务中心`; kind = j < 9 ? 'primary_care' : 'private_hospital'; }
        else { name = `${dname}第${j + 1}村卫生室`; kind = j < 12 ? 'village_clinic' : 'primary_care'; }
        const ndoc = DOCTORS_BY_LEVEL[String(level)]!;
        out[idx] = {
          idx, code, name, type: pharmacy ? '2' : '1', lv: pharmacy ? null : level, kind, admdvs, grid: `${admdvs}-G${pad(1 + (j % 4), 2)}`,
          status: 'normal', statusFrom: null, ndoc, docBase, auth: !pharmacy && (level === 3 || level === 2) && rand() < 0.6, district: d,
        };
        docBase += ndoc;
      }
    }
  }
  // A few agreements suspended or terminated during the year (small institutions).
  const set = (idx: number, status: string, from: string) => { out[idx]!.status = status; out[idx]!.statusFrom = from; };
  set(INST_LAYOUT[1].base + 11 * ND + 3, 'suspended', '2024-07-01');
  set(INST_LAYOUT[0].base + 14 * ND + 6, 'suspended', '2024-09-15');
  set(INST_LAYOUT.pharmacy.base + 9 * ND + 1, 'terminated', '2024-11-01');
  return out;
}

interface Item {
  idx: number; code: string; name: string; listType: string; lv: string; cat: number; grp: number; drugGroup: string | null; rx: string | null;
  price: number; cap3: number | null; cap2: number | null; cap1: number | null; gend: string | null; ageMin: number | null; ageMax: number | null;
  hospLvMin: number | null; medTypes: string | null; prefixes: string | null; maxDays: number | null; maxDay: number | null; max7d: number | null;
}

function groupPrefixes(g: number): string[] {
  return [...new Set(GROUPS[g]!.icd.map((c) => c.slice(0, 3)))];
}

function buildCatalogue(rand: () => number): { items: Item[]; rels: Array<[string, string, string]> } {
  const items: Item[] = [];
  const weighted = <T>(choices: Array<[T, number]>): T => {
    let r = rand();
    for (const [v, w] of choices) { if ((r -= w) < 0) return v; }
    return choices[choices.length - 1]![0];
  };
  for (const c of CATEGORIES) {
    const nGeneral = Math.max(3, Math.round(c.n * c.general));
    for (let j = 0; j < c.n; j++) {
      const idx = items.length;
      const general = j < nGeneral;
      const grp = general ? -1 : (j - nGeneral) % NG;
      const nonMedical = c.cat === 14 && j >= c.n - NON_MEDICAL_PER_14;
      const fixed = j < 3; // the first items of every category stay unrestricted
      const drug = c.cat === 9 || c.cat === 11;
      const price = round2(Math.exp(Math.log(c.pmin) + rand() * (Math.log(c.pmax) - Math.log(c.pmin))));
      let base: string;
      if (nonMedical) base = NON_MEDICAL_NAMES[(j - (c.n - NON_MEDICAL_PER_14)) % NON_MEDICAL_NAMES.length]!;
      else if (drug && grp >= 0) base = GROUPS[grp]!.drugs[Math.floor(j / NG) % GROUPS[grp]!.drugs.length]!;
      else base = c.names[j % c.names.length]!;
      const spec = drug ? ` ${['5mg', '10mg', '0.25g', '0.5g', '20mg', '0.1g', '100ml', '50mg'][j % 8]}*${[12, 24, 28, 30, 7, 1][j % 6]}${c.cat === 9 && j % 5 === 4 ? '支' : '片'}`
        : c.cat === 10 ? ` ${['饮片', '炒', '制', '片'][j % 4]}` : (j >= c.names.length ? `(${Math.floor(j / c.names.length) + 1})` : '');
      const item: Item = {
        idx, code: codeOf(c, idx), name: nonMedical ? base : `${base}${spec}`, listType: nonMedical ? 'non_medical' : c.listType,
        lv: '01', cat: c.cat, grp, drugGroup: null, rx: null, price, cap3: null, cap2: null, cap1: null, gend: null, ageMin: null, ageMax: null,
        hospLvMin: null, medTypes: null, prefixes: null, maxDays: null, maxDay: null, max7d: null,
      };
      if (nonMedical) item.lv = '03';
      else if (drug || c.cat === 10) item.lv = weighted([['01', 0.40], ['02', 0.55], ['03', 0.05]]);
      else if (c.cat === 8) item.lv = weighted([['01', 0.20], ['02', 0.72], ['03', 0.08]]);
      else item.lv = weighted([['01', 0.70], ['02', 0.25], ['03', 0.05]]);
      if (fixed && item.lv === '03') item.lv = '01';
      if (drug) {
        item.drugGroup = `DG${pad(c.cat, 2)}${pad(Math.floor(j / 3), 3)}`;
        item.rx = rand() < (c.cat === 9 ? 0.65 : 0.30) ? '1' : '0';
      } else if (c.cat === 10) item.rx = '0';
      // Price caps (government-set prices) for services and some materials, with lower caps for lower levels.
      const capShare = c.cat === 1 ? 1 : [2, 3, 4, 5, 6, 7, 12, 13].includes(c.cat) ? 0.5 : c.cat === 8 ? 0.3 : 0;
      if (!nonMedical && rand() < capShare) {
        item.cap3 = price;
        if (rand() < 0.7) {
          item.cap2 = round2(price * 0.9);
          if (rand() < 0.6) item.cap1 = round2(price * 0.8);
        }
      }
      if (!fixed && !nonMedical) {
        if (drug) {
          const r = rand();
          if (r < 0.07) item.medTypes = '21';
          else if (r < 0.10) item.medTypes = '11|14';
          else if (r < 0.12) item.medTypes = '11|14|21';
          if (rand() < 0.04) item.hospLvMin = 2;
          if (rand() < 0.10) item.maxDays = rand() < 0.5 ? 7 : 14;
        }
        if (c.cat === 3 || c.cat === 6) {
          const r = rand();
          if (r < 0.20) item.hospLvMin = 2; else if (r < 0.25) item.hospLvMin = 3;
        }
        if (c.cat === 6 && rand() < 0.6) item.medTypes = '21';
        if (c.cat === 5 && rand() < 0.10) item.medTypes = '21';
        if (c.cat === 8 && rand() < 0.20) item.medTypes = '21';
        if ((c.cat === 3 || c.cat === 4 || c.cat === 5) && rand() < 0.15) item.maxDay = rand() < 0.7 ? 1 : 2;
        if (c.cat === 5 && rand() < 0.08) item.max7d = 3 + Math.floor(rand() * 3);
        if (grp >= 0) {
          if (grp === 6 && rand() < 0.5) item.gend = '2';
          if (grp === 7 && rand() < 0.5) item.gend = '1';
          if (grp === 8 && rand() < (drug ? 0.5 : 0.3)) { item.ageMax = 14; if (rand() < 0.3) item.ageMin = 0; }
          if ((grp === 9 || grp === 10) && rand() < 0.3) item.ageMin = 18;
          if (rand() < (drug || c.cat === 10 ? 0.25 : 0.10)) {
            const prefixes = groupPrefixes(grp);
            // Most restricted items name every prefix of their disease group; some leave one out.
            const keep = rand() < 0.7 || prefixes.length < 3 ? prefixes : prefixes.filter((_, i) => i !== Math.floor(rand() * prefixes.length));
            item.prefixes = keep.join('|');
          }
        }
      }
      if (c.cat === 1) item.maxDay = 1;
      items.push(item);
    }
  }
  // Item relations: lab panels (bundles) with their parts, and mutually exclusive pairs.
  const rels: Array<[string, string, string]> = [];
  const plain = (cat: number) => items.filter((i) => i.cat === cat && i.grp === -1 && !i.maxDay && !i.max7d && !i.hospLvMin && !i.medTypes && i.lv !== '03');
  const labs = plain(4);
  let li = 0;
  for (let b = 0; b < 6 && li + 4 <= labs.length; b++) {
    const panel = labs[li++]!;
    const parts = [labs[li++]!, labs[li++]!, labs[li++]!];
    panel.name = `${parts.map((p) => p.name.replace(/\(\d+\)$/, '')).join('+')}组合`;
    panel.price = round2(0.8 * parts.reduce((s, p) => s + p.price, 0));
    panel.cap3 = panel.price; panel.cap2 = null; panel.cap1 = null;
    for (const p of parts) rels.push(['bundle', panel.code, p.code]);
  }
  const excl = [...labs.slice(li), ...plain(3), ...plain(5)];
  for (let e = 0; e + 1 < excl.length && rels.length < 18 + 12; e += 2) rels.push(['exclusive', excl[e]!.code, excl[e + 1]!.code]);
  return { items, rels };
}

function codeOf(c: Category, idx: number): string {
  if (c.listType === 'drug') return `${c.code}${pad(c.cat * 10000 + idx, 10)}`;
  if (c.listType === 'herbal') return `T${pad(idx, 12)}`;
  if (c.listType === 'material') return `C${pad(idx, 14)}`;
  return `${c.code}${pad(idx, 7)}`;
}

// ---------------------------------------------------------------------------------------------

export async function generateBenchDataset(opts: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const seed = Math.trunc(opts.seed ?? 1) >>> 0;
  const violationRate = Math.max(0, opts.violationRate ?? 1);
  const rate = (share: number) => share * violationRate;
  const feeLines = Math.max(1, Math.trunc(opts.feeLines));
  const out = resolve(opts.out);
  const ext = opts.format === 'parquet' ? 'parquet' : 'csv';
  await mkdir(out, { recursive: true });
  for (const t of TABLE_NAMES) {
    await rm(join(out, `${t}.csv`), { force: true });
    await rm(join(out, `${t}.parquet`), { force: true });
  }
  const tmp = await mkdtemp(join(out, '.fg-generate-'));
  const engine = await DuckDbEngine.open(':memory:');
  const tables: Record<string, number> = {};
  try {
    const verbose = opts.verbose ?? false;
    let stepStart = performance.now();
    let stepCpu = process.cpuUsage();
    const step = (what: string) => {
      if (verbose) {
        const cpu = process.cpuUsage(stepCpu);
        console.error(`  ${what}: ${((performance.now() - stepStart) / 1000).toFixed(2)} s (cpu ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s)`);
      }
      stepStart = performance.now();
      stepCpu = process.cpuUsage();
    };
    const profileDir = process.env.FG_GENERATE_PROFILE;
    if (profileDir) {
      // Development aid: one query profile per statement, in the order run.
      await mkdir(profileDir, { recursive: true });
      await engine.exec(`SET enable_profiling = 'query_tree_optimizer'`);
      let n = 0;
      const exec = engine.exec.bind(engine);
      const all = engine.all.bind(engine);
      const next = async () => exec(`SET profiling_output = ${lit(join(profileDir, `${String(++n).padStart(3, '0')}.txt`))}`);
      engine.exec = async (sql: string) => { await next(); await exec(sql); };
      engine.all = (async (sql: string) => { await next(); return all(sql); }) as typeof engine.all;
    }
    await engine.exec(`SET temp_directory = ${lit(tmp)}`);
    const [threadRow] = await engine.all<{ n: number }>(`SELECT CAST(current_setting('threads') AS INTEGER) AS n`);
    const threads = Number(threadRow?.n ?? 1);
    await engine.exec(`SET memory_limit = ${lit(opts.memoryLimit ?? '1GB')}`);
    await engine.exec(`SET preserve_insertion_order = true`);
    // Keep the written join order: the big line stream probes the small tables, never the reverse.
    await engine.exec(`SET disabled_optimizers = 'join_order,build_side_probe_side'`);
    const rand = mulberry32(seed ^ 0x5eed1234);
    const insts = buildInstitutions(rand);
    const { items, rels } = buildCatalogue(rand);

    // Hash-based pseudo-randomness: h(key, salt) is a 64-bit hash, u(...) uniform in [0, 1), hi(..., n) in [0, n).
    await engine.exec(`CREATE MACRO h(x, s) AS hash(CAST(x AS BIGINT), CAST(s AS INTEGER), CAST(${seed} AS UINTEGER))`);
    await engine.exec(`CREATE MACRO u(x, s) AS CAST(h(x, s) >> 11 AS DOUBLE) / 9007199254740992.0`);
    await engine.exec(`CREATE MACRO hi(x, s, n) AS CAST(h(x, s) % CAST(n AS UBIGINT) AS BIGINT)`);
    // seconds since 2024-01-01 00:00:00 → TIMESTAMP
    await engine.exec(`CREATE MACRO ts(secs) AS make_timestamp((1704067200 + CAST(secs AS BIGINT)) * 1000000)`);
    await engine.exec(`CREATE MACRO pcode(prefix, admdvs, n) AS prefix || admdvs || lpad(CAST(n AS VARCHAR), 6, '0')`);
    // Ids from numbers (fixed width without lpad, which is slow on 10 million rows).
    await engine.exec(`CREATE MACRO psn_id(i) AS '33' || CAST(10000000000000 + i AS VARCHAR)`);
    await engine.exec(`CREATE MACRO mdtrt_id(v) AS 'M' || CAST(100000000000 + v AS VARCHAR)`);
    await engine.exec(`CREATE MACRO setl_id(s) AS 'S' || CAST(100000000000 + s AS VARCHAR)`);

    // --- Small tables -------------------------------------------------------------------------
    await engine.exec(`CREATE TABLE inst (idx INTEGER, code VARCHAR, name VARCHAR, type VARCHAR, lv INTEGER, kind VARCHAR, admdvs VARCHAR,
      grid VARCHAR, status VARCHAR, status_from DATE, ndoc INTEGER, doc_base INTEGER, auth BOOLEAN, district INTEGER)`);
    await engine.exec(`INSERT INTO inst VALUES ${insts.map((i) => `(${[i.idx, i.code, i.name, i.type, i.lv, i.kind, i.admdvs, i.grid, i.status, i.statusFrom].map(lit).join(', ')}, ${i.ndoc}, ${i.docBase}, ${i.auth}, ${i.district})`).join(',\n')}`);
    await engine.exec(`CREATE TABLE items (idx INTEGER, code VARCHAR, name VARCHAR, list_type VARCHAR, chrgitm_lv VARCHAR, cat INTEGER, grp INTEGER,
      drug_group VARCHAR, rx_flag VARCHAR, price DECIMAL(12,2), cap3 DECIMAL(12,2), cap2 DECIMAL(12,2), cap1 DECIMAL(12,2), lmt_gend VARCHAR,
      lmt_age_min INTEGER, lmt_age_max INTEGER, lmt_hosp_lv_min INTEGER, lmt_med_types VARCHAR, lmt_dise_prefixes VARCHAR, max_days INTEGER,
      max_cnt_per_day DECIMAL(12,2), max_cnt_per_7d DECIMAL(12,2))`);
    await engine.exec(`INSERT INTO items VALUES ${items.map((i) => `(${[i.idx, i.code, i.name, i.listType, i.lv, i.cat, i.grp, i.drugGroup, i.rx, i.price,
      i.cap3, i.cap2, i.cap1, i.gend, i.ageMin, i.ageMax, i.hospLvMin, i.medTypes, i.prefixes, i.maxDays, i.maxDay, i.max7d].map(lit).join(', ')})`).join(',\n')}`);
    await engine.exec(`CREATE TABLE rel (rel_type VARCHAR, item_a VARCHAR, item_b VARCHAR)`);
    await engine.exec(`INSERT INTO rel VALUES ${rels.map((r) => `(${r.map(lit).join(', ')})`).join(', ')}`);

    // Item pools: for each charge category, disease group, institution level and med_type, the items that may be
    // billed there without breaking a restriction (pool id below; group NG holds the whole category). Pool items
    // are keyed pool id * 1024 + position and the pool sizes are a constant list, so that a line finds its item
    // with one integer join.
    const mts = MED_TYPES.map(([m]) => m);
    const poolId = (cat: string, g: string, tail: string) => `(((${cat}) - 1) * ${NG + 1} + (${g})) * 20 + (${tail})`;
    await engine.exec(`CREATE TABLE pool AS
      WITH combos AS (
        SELECT c.cat, g.g, l.lv, m.mti, ${sqlList(mts)}[m.mti + 1] AS mt
        FROM (SELECT DISTINCT cat FROM items) c, range(${NG}) g(g), range(4) l(lv), range(${mts.length}) m(mti)
      )
      SELECT ${poolId('c.cat', 'c.g', 'c.lv * 5 + c.mti')} AS pid,
        CAST(row_number() OVER (PARTITION BY c.cat, c.g, c.lv, c.mti ORDER BY i.idx) - 1 AS BIGINT) AS pos, i.idx
      FROM combos c JOIN items i ON i.cat = c.cat
      WHERE (i.grp = -1 OR i.grp = c.g)
        AND (i.lmt_hosp_lv_min IS NULL OR c.lv >= i.lmt_hosp_lv_min)
        AND (i.lmt_med_types IS NULL OR list_contains(string_split(i.lmt_med_types, '|'), c.mt))
      UNION ALL
      SELECT ${poolId('cat', String(NG), '0')}, CAST(row_number() OVER (PARTITION BY cat ORDER BY idx) - 1 AS BIGINT), idx FROM items`);
    const poolSizes = new Array<number>(CATEGORIES.length * (NG + 1) * 20).fill(1);
    for (const r of await engine.all<{ pid: number; n: number }>(`SELECT pid, COUNT(*) AS n FROM pool GROUP BY pid`)) {
      if (r.n > 1024) throw new Error(`item pool ${r.pid} has ${r.n} items (at most 1024)`);
      poolSizes[Number(r.pid)] = Number(r.n);
    }
    await engine.exec(`CREATE MACRO pool_size(pid) AS ([${poolSizes.join(',')}])[CAST(pid AS BIGINT) + 1]`);
    // Per-item values the fee lines need: the price charged at each level (the level's cap, falling back to the
    // higher levels' caps, else the list price; pharmacies count as level 0), 20 % over the level-3 cap, and flags.
    await engine.exec(`CREATE TABLE item AS SELECT p.pid * 1024 + p.pos AS key, i.idx, i.code, i.rx_flag, lpad(CAST(i.cat AS VARCHAR), 2, '0') AS chrg,
        i.list_type IN ('drug', 'herbal') AS is_drug, i.chrgitm_lv = '03' OR i.list_type = 'non_medical' AS noncov, i.max_days,
        COALESCE(CAST(i.max_cnt_per_day AS INTEGER), 99) AS maxcnt,
        CAST(COALESCE(i.cap3, i.price) AS DECIMAL(12,2)) AS p3, CAST(COALESCE(i.cap2, i.cap3, i.price) AS DECIMAL(12,2)) AS p2,
        CAST(COALESCE(i.cap1, i.cap2, i.cap3, i.price) AS DECIMAL(12,2)) AS p1,
        CAST(CASE WHEN i.cap3 IS NULL THEN i.price ELSE round(i.cap3 * 1.2, 2) END AS DECIMAL(12,2)) AS pover,
        i.price
      FROM pool p JOIN items i ON i.idx = p.idx`);
    step('reference tables');

    // --- Persons and visits ---------------------------------------------------------------------
    const avgLines = 10.1;
    const nVisitsEst = Math.ceil((feeLines / avgLines) * 1.08) + 20;
    const nPersons = Math.max(20, Math.round(nVisitsEst / 5));
    const districtCodes = sqlList(DISTRICTS.map(([c]) => c));
    await engine.exec(`CREATE TABLE psn AS
      SELECT i AS pidx, psn_id(i) AS psn_no,
        CASE WHEN u(i, 1) < 0.49 THEN '1' ELSE '2' END AS gend,
        CASE WHEN u(i, 2) < 0.15 THEN DATE '2010-01-01' + CAST(floor(u(i, 3) * 5100) AS INTEGER)
             WHEN u(i, 2) < 0.70 THEN DATE '1960-01-01' + CAST(floor(u(i, 3) * 16800) AS INTEGER)
             ELSE DATE '1930-01-01' + CAST(floor(u(i, 3) * 12700) AS INTEGER) END AS brdy,
        u(i, 2) < 0.15 AS child,
        -- every 97th person lives in one of the communities admission clusters come from (8 persons each)
        CAST(CASE WHEN i % 97 = 0 THEN hi(i // 776, 164, ${ND}) ELSE hi(i, 5, ${ND}) END AS INTEGER) AS district,
        CASE WHEN i % 97 = 0 THEN 1 + hi(i // 776, 165, 15) ELSE 1 + hi(i, 6, 15) END AS street,
        CASE WHEN i % 97 = 0 THEN 1 + hi(i // 776, 166, 30) ELSE 1 + hi(i, 7, 30) END AS community
      FROM range(${nPersons}) t(i)`);
    await engine.exec(`ALTER TABLE psn ADD COLUMN insutype VARCHAR`);
    await engine.exec(`UPDATE psn SET insutype = CASE WHEN NOT child AND u(pidx, 4) < 0.6 THEN '310' ELSE '390' END`);

    const lvPick = (mt: string) => {
      const [l3, l2, l1, l0] = LEVEL_MIX[mt]!;
      const choices: Array<[number, number]> = [[3, l3], [2, l2], [1, l1], [0, l0]];
      return pick('u(v, 120)', choices.filter(([, w]) => w > 0));
    };
    const groupPick = `CASE WHEN child THEN ${pick('u(v, 130)', CHILD_GROUPS)}
      WHEN mt = '14' THEN ${pick('u(v, 130)', CHRONIC_GROUPS)}
      WHEN gend = '1' THEN ${pick('u(v, 130)', MALE_GROUPS)} ELSE ${pick('u(v, 130)', FEMALE_GROUPS)} END`;
    await engine.exec(`CREATE TABLE icd (key BIGINT, code VARCHAR)`);
    await engine.exec(`INSERT INTO icd VALUES ${GROUPS.flatMap((g, gi) => g.icd.map((c, ci) => `(${gi * NICD + ci}, ${lit(c)})`)).join(', ')}`);
    // Injected patterns: a few admission clusters (persons of one community admitted together), card
    // bursts at pharmacies (many settlements within minutes) and readmissions soon after a discharge.
    const nClusters = Math.max(rate(1) > 0 ? 1 : 0, Math.floor((nVisitsEst * 0.07 * rate(CLUSTER_ADMISSION)) / 6));
    const nClusterGroups = Math.max(1, Math.floor(nPersons / 97 / 8));
    const nBursts = Math.max(rate(1) > 0 ? 1 : 0, Math.floor((nVisitsEst * 0.20 * rate(BURST_SETTLEMENT)) / 10));
    const instExpr = (lvl: string, j: string, dd: string) => `CASE ${lvl} WHEN -1 THEN ${INST_LAYOUT.pharmacy.base} WHEN 3 THEN ${INST_LAYOUT[3].base} WHEN 2 THEN ${INST_LAYOUT[2].base} WHEN 1 THEN ${INST_LAYOUT[1].base} ELSE ${INST_LAYOUT[0].base} END
      + ${ND} * CAST(floor(CASE ${lvl} WHEN -1 THEN ${INST_LAYOUT.pharmacy.nj} WHEN 3 THEN ${INST_LAYOUT[3].nj} WHEN 2 THEN ${INST_LAYOUT[2].nj} WHEN 1 THEN ${INST_LAYOUT[1].nj} ELSE ${INST_LAYOUT[0].nj} END
        * ${j}) AS INTEGER) + ${dd}`;
    await engine.exec(`CREATE TABLE visit0 AS
      WITH r AS (
        SELECT v, m0, cflag, bflag, hi(v, 161, ${nClusters}) AS cl, hi(v, 171, ${nBursts}) AS bl,
          CASE WHEN cflag THEN (hi(hi(v, 161, ${nClusters}), 162, ${nClusterGroups}) * 8 + hi(v, 163, 8)) * 97 ELSE hi(v, 101, ${nPersons}) END AS pidx
        FROM (SELECT v, m0, m0 = '21' AND u(v, 160) < ${rate(CLUSTER_ADMISSION)} AS cflag, m0 = '41' AND u(v, 170) < ${rate(BURST_SETTLEMENT)} AS bflag
              FROM (SELECT v, ${pick('u(v, 102)', MED_TYPES)} AS m0 FROM range(${nVisitsEst}) t(v)) r0) r1
      ), a AS (
        SELECT r.v, r.cflag, r.bflag, r.cl, r.bl, p.pidx, p.psn_no, p.gend, p.brdy, p.child, p.district, p.insutype,
          CASE WHEN p.child AND m0 = '14' THEN '11' ELSE m0 END AS mt
        FROM r JOIN psn p ON p.pidx = r.pidx
      ), b AS (
        SELECT a.*, ${groupPick} AS g,
          CASE mt WHEN '11' THEN ${lvPick('11')} WHEN '13' THEN ${lvPick('13')} WHEN '14' THEN ${lvPick('14')} WHEN '21' THEN ${lvPick('21')} ELSE -1 END AS lvl,
          CASE WHEN u(v, 121) < 0.85 THEN district ELSE hi(v, 122, ${ND}) END AS dd,
          CASE WHEN mt <> '21' THEN 0 WHEN u(v, 110) < 0.02 THEN 15 + hi(v, 111, 25) ELSE 2 + CAST(floor(12 * pow(u(v, 111), 1.6)) AS INTEGER) END AS ndays
        FROM a
      )
      SELECT b.*,
        CASE WHEN cflag THEN ${instExpr('1', `u(cl, 167)`, 'district')}
             WHEN bflag THEN ${instExpr('-1', `u(bl, 172)`, `hi(bl, 176, ${ND})`)}
             ELSE ${instExpr('lvl', 'pow(u(v, 123), 1.8)', 'dd')} END AS inst_idx,
        CASE WHEN bflag THEN 1 + hi(v, 112, 2) WHEN mt = '11' THEN 3 + hi(v, 112, 8) WHEN mt = '13' THEN 3 + hi(v, 112, 6) WHEN mt = '14' THEN 4 + hi(v, 112, 8) WHEN mt = '41' THEN 1 + hi(v, 112, 6)
          ELSE (ndays + 1) * CASE WHEN u(v, 113) < ${rate(IDLE_ADMISSION)} THEN 3 ELSE 4 + hi(v, 114, 9) END END AS nlines,
        CASE WHEN cflag THEN hi(cl, 168, 300) WHEN bflag THEN hi(bl, 173, 365)
             WHEN mt = '21' THEN hi(v, 115, 365 - ndays) ELSE hi(v, 115, 365) END AS d,
        CASE WHEN bflag THEN 28800 + hi(bl, 174, 45000) + hi(v, 175, 300)
          ELSE CASE mt WHEN '13' THEN hi(v, 116, 86400) WHEN '41' THEN 28800 + hi(v, 116, 46800) WHEN '21' THEN 28800 + hi(v, 116, 50400)
          ELSE 28800 + CAST(floor(34200 * pow(u(v, 116), 1.3)) AS INTEGER) END END AS sod,
        icd.code AS dise_codg
      FROM b JOIN icd ON icd.key = g * ${NICD} + hi(v, 131, ${NICD})`);
    step('persons, visits');
    // Readmissions: some admissions follow the person's previous admission at the same institution within days.
    await engine.exec(`UPDATE visit0 SET inst_idx = x.p_inst, g = x.p_g, dise_codg = x.p_dise, d = x.nd
      FROM (
        SELECT v, p_inst, p_g, p_dise, p_d + p_ndays + hi(v, 180, 12) AS nd
        FROM (
          SELECT v, lag(inst_idx) OVER w AS p_inst, lag(g) OVER w AS p_g, lag(dise_codg) OVER w AS p_dise, lag(d) OVER w AS p_d,
            lag(ndays) OVER w AS p_ndays, lag(v) OVER w AS p_v
          FROM visit0 WHERE mt = '21' AND NOT cflag
          WINDOW w AS (PARTITION BY pidx ORDER BY d, v)
        ) y
        WHERE p_v IS NOT NULL AND u(v, 181) < ${rate(READMISSION)}
      ) x
      WHERE visit0.v = x.v AND x.nd + visit0.ndays <= 364`);
    step('readmissions');
    // Line offsets (a running sum) in a narrow table, so that only two columns are sorted.
    await engine.exec(`CREATE TABLE visit_off AS
      SELECT v, CAST(COALESCE(SUM(nlines) OVER (ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS BIGINT) AS line_off FROM visit0`);
    await engine.exec(`CREATE TABLE visit AS
      SELECT w.v, w.psn_no, w.child, w.insutype, w.mt, w.g, w.ndays, w.d, w.dise_codg, o.line_off,
        i.code AS fixmedins_code, i.lv, i.type AS inst_type, CAST(i.admdvs AS BIGINT) * 1000000 AS doc_num, i.ndoc, i.doc_base, i.auth,
        COALESCE(i.lv, 0) AS lvk, CASE w.mt ${mts.map((m, k) => `WHEN '${m}' THEN ${k}`).join(' ')} END AS mti,
        mdtrt_id(w.v) AS mdtrt_id, setl_id(2 * w.v) AS setl1, setl_id(2 * w.v + 1) AS setl2,
        CASE w.mt WHEN '21' THEN 'YZ' WHEN '41' THEN 'WR' ELSE 'RX' END || CAST(100000000000 + w.v AS VARCHAR) AS rx_base,
        CASE WHEN i.type = '2' THEN NULL WHEN w.mt = '13' THEN 'A20' ELSE ${choose('w.g', GROUPS.map((g) => g.dept))} END AS dept,
        CASE WHEN w.mt = '21' AND w.ndays >= 10 THEN 2 ELSE 1 END AS nset,
        (w.ndays + 1) // 2 AS mid,
        w.d * 86400 + w.sod AS bsec,
        ts(w.d * 86400 + w.sod) AS begntime,
        CASE WHEN w.mt = '21' THEN ts((w.d + w.ndays) * 86400 + 32400 + hi(w.v, 117, 10800))
             ELSE ts(w.d * 86400 + w.sod + (least(w.nlines, ${feeLines} - o.line_off) + 1) * 60 + hi(w.v, 117, CASE WHEN w.mt = '41' THEN 60 ELSE 3600 END)) END AS endtime,
        CASE WHEN i.type = '2' THEN NULL ELSE pcode('D', i.admdvs, i.doc_base + hi(w.v, 132, i.ndoc)) END AS chfpdr_code,
        CAST(least(w.nlines, ${feeLines} - o.line_off) AS BIGINT) AS n
      FROM visit0 w
      JOIN visit_off o ON o.v = w.v
      JOIN inst i ON i.idx = w.inst_idx
      WHERE o.line_off < ${feeLines}
      ORDER BY w.v`);
    await engine.exec(`DROP TABLE visit_off`);
    await engine.exec(`DROP TABLE visit0`);
    step('visit table');

    // --- Fee lines (a query, written straight to the file; never stored) ---------------------------
    const catOf = `CASE
      WHEN mt = '21' THEN CASE slot WHEN 0 THEN 1 WHEN 1 THEN 7 WHEN 2 THEN 2 ELSE ${pick('u2', MIX_INPATIENT)} END
      WHEN mt = '41' THEN ${pick('u2', MIX_PHARMACY)}
      WHEN slot = 0 THEN CASE WHEN lv = 0 THEN 12 ELSE 13 END
      WHEN slot = 1 THEN 2
      WHEN mt = '14' THEN ${pick('u2', MIX_CHRONIC)}
      ELSE ${pick('u2', MIX_OUTPATIENT)} END`;
    const lineSql = (visits: string) => `
      WITH l1 AS (
        SELECT l0.*, CASE WHEN (k > 0 AND u(line_off + k, 201) < ${rate(DUPLICATE_LINE)}) OR split THEN k - 1 ELSE k END AS kk
        FROM (SELECT vv.*, k, k > 2 AND vv.mt IN ('11', '14') AND u(vv.line_off + k, 220) < ${rate(SPLIT_RX)} AS split
              FROM (SELECT vv.*, unnest(range(vv.n)) AS k FROM ${visits} vv) vv) l0
      ), l2 AS (
        SELECT l1.*, line_off + kk AS xs, u(line_off + kk, 202) AS u2,
          CASE WHEN mt = '21' THEN kk % (ndays + 1) ELSE 0 END AS j,
          CASE WHEN mt = '21' THEN kk // (ndays + 1) ELSE kk END AS slot
        FROM l1
      ), l3 AS (
        SELECT l2.*, ${catOf} AS cat FROM l2
      ), l4 AS (
        SELECT l3.*,
          CASE WHEN u(xs, 203) < ${rate(UNCONSTRAINED_ITEM)} THEN ${poolId('cat', String(NG), '0')} ELSE ${poolId('cat', 'g', 'lvk * 5 + mti')} END AS pid,
          -- the bed, nursing and examination items of an admission are the same every day
          CASE WHEN mt = '21' AND slot < 3 THEN h(v, 210 + slot) ELSE h(xs, 204) END AS psel
        FROM l3
      ), l5 AS (
        SELECT l4.*, pid * 1024 + CAST(psel % CAST(pool_size(pid) AS UBIGINT) AS BIGINT) AS key FROM l4
      ), l6 AS (
        SELECT l5.mt, l5.mti, l5.lv, l5.v, l5.k, l5.kk, l5.split, l5.xs, l5.j, l5.slot, l5.cat, l5.line_off,
          l5.nset, l5.mid, l5.bsec, l5.d, l5.inst_type, l5.doc_num, l5.ndoc, l5.doc_base,
          l5.mdtrt_id, l5.setl1, l5.setl2, l5.psn_no, l5.fixmedins_code, l5.rx_base, l5.chfpdr_code, l5.dept,
          it.idx AS item, it.code, it.chrg, it.is_drug, it.noncov, it.rx_flag, it.p3, it.p2, it.p1, it.pover, it.maxcnt,
          CASE WHEN it.is_drug AND l5.mt <> '21' THEN COALESCE(it.max_days, CASE l5.mt WHEN '13' THEN 3 WHEN '14' THEN 28 WHEN '41' THEN 28 ELSE 7 END) END AS lim
        FROM l5 JOIN item it ON it.key = l5.key
      ), l7 AS (
        SELECT l6.*,
          CAST(CASE
            WHEN cat IN (9, 11) THEN least(CASE WHEN mt IN ('14', '41') THEN 1 + hi(xs, 205, 4) ELSE 1 + hi(xs, 205, 2) END, maxcnt)
            WHEN cat = 10 THEN 6 + hi(xs, 205, 25)
            WHEN cat = 8 THEN least(1 + hi(xs, 205, 3), maxcnt)
            WHEN cat = 5 THEN least(CASE WHEN hi(xs, 205, 5) = 0 THEN 2 ELSE 1 END, maxcnt)
            WHEN cat = 14 THEN 1 + hi(xs, 205, 2)
            ELSE 1 END AS INTEGER) AS cnt,
          CASE WHEN u(xs, 206) < ${rate(OVER_CAP)} THEN pover WHEN lv = 3 THEN p3 WHEN lv = 2 THEN p2 ELSE p1 END AS pric,
          CASE WHEN lim IS NULL THEN CASE WHEN is_drug THEN 1 END
            WHEN split THEN lim
            WHEN u(xs, 209) < ${rate(OVER_DAYS)} THEN lim + 1 + hi(xs, 210, 14)
            ELSE least(lim, CASE mt WHEN '13' THEN 1 + hi(xs, 208, 3) WHEN '14' THEN ${choose('hi(xs, 208, 4)', [7, 14, 28, 28])}
              WHEN '41' THEN ${choose('hi(xs, 208, 4)', [3, 7, 14, 28])} ELSE ${choose('hi(xs, 208, 4)', [1, 3, 5, 7])} END) END AS prd_days
        FROM l6
      ), l8 AS (
        SELECT l7.*, CAST(cnt * pric AS DECIMAL(14,2)) AS amt FROM l7
      )
      SELECT
        line_off + k AS n,
        'F' || CAST(100000000000 + line_off + k AS VARCHAR) AS feedetl_sn, mdtrt_id,
        CASE WHEN nset = 2 AND j >= mid THEN setl2 ELSE setl1 END AS setl_id,
        CASE WHEN nset = 2 AND j >= mid THEN 2 * v + 1 ELSE 2 * v END AS setl_no,
        psn_no, fixmedins_code,
        ts(CASE WHEN mt = '21' THEN
            CASE WHEN j = 0 THEN bsec + (slot + 1) * 180 + hi(xs, 211, 60) ELSE (d + j) * 86400 + 28800 + slot * 180 + hi(xs, 211, 60) END
          ELSE bsec + (kk + 1) * 60 + hi(xs, 211, 50) + CASE WHEN split THEN 5 ELSE 0 END END) AS fee_ocur_time,
        code AS med_list_codg, chrg AS med_chrgitm_type, cnt, pric, amt,
        CASE WHEN noncov AND u(xs, 207) >= ${rate(NON_COVERED_PAID)} THEN amt ELSE CAST(0 AS DECIMAL(14,2)) END AS own,
        CAST(prd_days AS INTEGER) AS prd_days,
        -- one prescription per visit (a second one for herbs or a split), one medical order per admission day;
        -- pharmacies mostly record the external prescription of prescription-only drugs
        CASE WHEN NOT is_drug THEN NULL
          WHEN mt = '21' THEN rx_base || CAST(10 + j AS VARCHAR)
          WHEN mt = '41' THEN CASE WHEN (rx_flag = '1' AND u(xs, 212) < 0.995) OR (rx_flag <> '1' AND u(xs, 212) < 0.3) THEN rx_base END
          ELSE rx_base || CASE WHEN split THEN '9' WHEN cat = 10 AND u(v, 213) < 0.5 THEN '2' ELSE '1' END END AS rxno,
        CASE WHEN inst_type = '2' THEN NULL WHEN u(xs, 214) < 0.7 THEN chfpdr_code ELSE 'D' || CAST(doc_num + doc_base + hi(xs, 215, ndoc) AS VARCHAR) END AS bilg_dr_codg,
        dept AS bilg_dept_codg, rx_flag
      FROM l8`;
    const copy = async (table: string, sql: string) => {
      const path = join(out, `${table}.${ext}`);
      const options = ext === 'csv' ? `(FORMAT csv, HEADER true)` : `(FORMAT parquet)`;
      const rows = await engine.all<{ Count: number }>(`COPY (${sql}) TO ${lit(path)} ${options}`);
      tables[table] = Number(rows[0]?.Count ?? Object.values(rows[0] ?? {})[0] ?? 0);
      step(table);
    };

    // --- Write ------------------------------------------------------------------------------------
    await copy('fixmedins', `SELECT code AS fixmedins_code, name AS fixmedins_name, type AS fixmedins_type, lv AS hosp_lv, kind AS inst_kind,
      admdvs, grid AS grid_id, status AS agreement_status, status_from FROM inst ORDER BY idx`);
    await copy('practitioner', `SELECT pcode(CASE WHEN i.type = '2' THEN 'HY' ELSE 'D' END, i.admdvs, i.doc_base + t.k) AS prac_code,
        ${sqlList(SURNAMES)}[1 + hi(i.doc_base + t.k, 501, ${SURNAMES.length})] || ${sqlList(GIVEN)}[1 + hi(i.doc_base + t.k, 502, ${GIVEN.length})] AS prac_name,
        i.code AS fixmedins_code,
        CASE WHEN u(i.doc_base + t.k, 503) < ${rate(SUSPENDED_PRAC)} THEN 'suspended' ELSE 'normal' END AS status,
        CASE WHEN u(i.doc_base + t.k, 503) < ${rate(SUSPENDED_PRAC)} THEN DATE '2024-01-01' + CAST(hi(i.doc_base + t.k, 504, 366) AS INTEGER) END AS status_from
      FROM inst i, range(i.ndoc) t(k) ORDER BY i.doc_base + t.k`);
    await copy('psn', `SELECT psn_no, gend, brdy, insutype, CAST(NULL AS VARCHAR) AS certno,
        ${districtCodes}[district + 1] || lpad(CAST(street AS VARCHAR), 3, '0') || lpad(CAST(community AS VARCHAR), 3, '0') AS addr_admdvs,
        CASE WHEN u(pidx, 8) < ${rate(DEATHS)} THEN DATE '2024-01-01' + CAST(hi(pidx, 9, 366) AS INTEGER) END AS death_date
      FROM psn ORDER BY pidx`);
    await copy('hilist', `SELECT code AS med_list_codg, name, list_type, chrgitm_lv, drug_group, rx_flag, cap3 AS pric_uplmt_amt, cap2 AS pric_uplmt_amt_lv2,
      cap1 AS pric_uplmt_amt_lv1, lmt_gend, lmt_age_min, lmt_age_max, lmt_hosp_lv_min, lmt_med_types, lmt_dise_prefixes, max_days, max_cnt_per_day, max_cnt_per_7d
      FROM items ORDER BY idx`);
    await copy('hilist_rel', `SELECT * FROM rel`);

    // Fee lines. The item lookup is a join, and DuckDB keeps the row order through a join only when one thread
    // runs the pipeline: with exactOrder the lines are written on one thread, in visit order, so that the file
    // is the same on every run. Everything else runs on all threads.
    const exactOrder = opts.exactOrder ?? true;
    if (exactOrder) await engine.exec(`SET threads = 1`);
    await copy('feedetl', `SELECT feedetl_sn, mdtrt_id, setl_id, psn_no, fixmedins_code, fee_ocur_time, med_list_codg, med_chrgitm_type,
        cnt, pric, amt AS det_item_fee_sumamt, own AS fulamt_ownpay_amt, prd_days, rxno,
        bilg_dr_codg, bilg_dept_codg
      FROM (${lineSql('visit')})`);
    if (exactOrder) await engine.exec(`SET threads = ${threads}`);
    // Settlement amounts: summed from the fee line file just written (cheaper than generating the lines again),
    // kept on the visit rows so that the settlements are written in visit order without a join.
    const feePath = lit(join(out, `feedetl.${ext}`));
    const feeFile = ext === 'parquet' ? `read_parquet(${feePath})`
      : `read_csv(${feePath}, header = true, auto_detect = false, columns = {${[
        ['feedetl_sn', 'VARCHAR'], ['mdtrt_id', 'VARCHAR'], ['setl_id', 'VARCHAR'], ['psn_no', 'VARCHAR'], ['fixmedins_code', 'VARCHAR'],
        ['fee_ocur_time', 'VARCHAR'], ['med_list_codg', 'VARCHAR'], ['med_chrgitm_type', 'VARCHAR'], ['cnt', 'VARCHAR'], ['pric', 'VARCHAR'],
        ['det_item_fee_sumamt', 'DECIMAL(14,2)'], ['fulamt_ownpay_amt', 'DECIMAL(14,2)'], ['prd_days', 'VARCHAR'], ['rxno', 'VARCHAR'],
        ['bilg_dr_codg', 'VARCHAR'], ['bilg_dept_codg', 'VARCHAR']].map(([c, t]) => `'${c}': '${t}'`).join(', ')}})`;
    await engine.exec(`CREATE TABLE setl_amt AS
      SELECT CAST(substr(setl_id, 2) AS BIGINT) - 100000000000 AS setl_no, SUM(det_item_fee_sumamt) AS total, SUM(fulamt_ownpay_amt) AS own
      FROM ${feeFile} GROUP BY setl_id`);
    await engine.exec(`ALTER TABLE visit ADD COLUMN total1 DECIMAL(18,2) DEFAULT 0`);
    await engine.exec(`ALTER TABLE visit ADD COLUMN own1 DECIMAL(18,2) DEFAULT 0`);
    await engine.exec(`ALTER TABLE visit ADD COLUMN total2 DECIMAL(18,2) DEFAULT 0`);
    await engine.exec(`ALTER TABLE visit ADD COLUMN own2 DECIMAL(18,2) DEFAULT 0`);
    await engine.exec(`UPDATE visit SET total1 = a.total1, own1 = a.own1, total2 = a.total2, own2 = a.own2
      FROM (SELECT setl_no // 2 AS v, SUM(CASE WHEN setl_no % 2 = 0 THEN total ELSE 0 END) AS total1, SUM(CASE WHEN setl_no % 2 = 0 THEN own ELSE 0 END) AS own1,
              SUM(CASE WHEN setl_no % 2 = 1 THEN total ELSE 0 END) AS total2, SUM(CASE WHEN setl_no % 2 = 1 THEN own ELSE 0 END) AS own2
            FROM setl_amt GROUP BY setl_no // 2) a
      WHERE visit.v = a.v`);
    step('settlement amounts');
    await copy('setl', `
      WITH s0 AS (
        SELECT v.*, unnest(range(1, v.nset + 1)) AS part FROM visit v
      ), a AS (
        SELECT s0.*, CASE WHEN part = 1 THEN setl1 ELSE setl2 END AS setl_id,
          CASE WHEN part = 1 THEN total1 ELSE total2 END AS total, CASE WHEN part = 1 THEN own1 ELSE own2 END AS own,
          CASE mt WHEN '21' THEN CASE WHEN insutype = '310' THEN 0.82 ELSE 0.65 END WHEN '14' THEN 0.70 WHEN '41' THEN CASE WHEN u(v, 140) < 0.3 THEN 0.5 ELSE 0 END
            ELSE CASE WHEN insutype = '310' THEN 0.55 ELSE 0.45 END END AS ratio
        FROM s0
      ), b AS (
        SELECT a.*, CAST(round((total - own) * ratio, 2) AS DECIMAL(14,2)) AS hifp FROM a
      ), c AS (
        SELECT b.*, CAST(CASE WHEN insutype = '310' THEN round((total - hifp) * 0.6, 2) ELSE 0 END AS DECIMAL(14,2)) AS acct FROM b
      )
      SELECT setl_id, mdtrt_id, psn_no, fixmedins_code, mt AS med_type, begntime, endtime, dise_codg, chfpdr_code,
        CAST(total AS DECIMAL(14,2)) AS medfee_sumamt, hifp AS hifp_pay, acct AS acct_pay, CAST(total - hifp - acct AS DECIMAL(14,2)) AS psn_cash_pay,
        CASE WHEN nset = 2 AND part = 1 THEN ts((d + mid) * 86400 + 25200) ELSE endtime + to_seconds(hi(v, 141, CASE WHEN mt = '41' THEN 60 ELSE 600 END)) END AS setl_time
      FROM c`);
    await copy('diag', `
      SELECT mdtrt_id, unnest(['1'] || list_transform(sec, lambda c: '0')) AS maindiag_flag, unnest([dise_codg] || sec) AS diag_code
      FROM (
        SELECT mdtrt_id, dise_codg,
          list_filter(list_transform(range(CASE WHEN child OR mt = '41' THEN 0 WHEN mt = '21' THEN hi(v, 151, 4) WHEN u(v, 151) < 0.3 THEN 1 ELSE 0 END),
            lambda o: ${sqlList(COMORBID)}[1 + (hi(v, 150, ${COMORBID.length}) + o) % ${COMORBID.length}]), lambda c: c <> dise_codg) AS sec
        FROM visit
      )`);

    // --- Pharmacy purchase / sale / inventory -------------------------------------------------------
    await engine.exec(`CREATE TABLE ph_lines AS
      SELECT fixmedins_code, setl_id, psn_no, med_list_codg, fee_ocur_time, cnt, pric, rx_flag, rxno, n AS xs
      FROM (${lineSql(`(SELECT * FROM visit WHERE mt = '41')`)})`);
    step('pharmacy lines');
    await engine.exec(`CREATE TABLE sales AS
      SELECT fixmedins_code, 'XS' || substr(setl_id, 2) AS rtal_docno, med_list_codg, fee_ocur_time AS sel_time, cnt AS sel_cnt,
        pric AS finl_trns_pric, '1' AS hi_feesetl_flag, setl_id, psn_no, rx_flag, rxno, 0 AS src, xs AS ord
      FROM ph_lines
      -- (UNION ALL keeps the order of its inputs while insertion order is preserved)
      -- a few pharmacies do not report some of their insurance sales
      WHERE NOT (u(hash(fixmedins_code) % 1000003, 401) < 0.05 AND u(xs, 402) < 0.10)
      UNION ALL
      SELECT i.code, 'XC' || lpad(CAST(s AS VARCHAR), 11, '0'), it.code,
        ts(hi(s, 411, 366) * 86400 + 28800 + hi(s, 412, 46800)),
        CAST(CASE WHEN u(s, 413) < 0.005 THEN -1 ELSE 1 + hi(s, 414, 3) END AS DECIMAL(12,2)),
        it.price, '0', NULL, NULL, it.rx_flag,
        CASE WHEN it.rx_flag = '1' AND u(s, 415) < 0.98 THEN 'WX' || lpad(CAST(s AS VARCHAR), 11, '0') END,
        1, s
      FROM (
        SELECT s, pid * 1024 + hi(s, 417, pool_size(pid)) AS key, ${INST_LAYOUT.pharmacy.base} + hi(s, 410, ${INST_LAYOUT.pharmacy.nj * ND}) AS inst_idx
        FROM (SELECT s, ${poolId(pick('u(s, 416)', [[9, 0.5], [11, 0.3], [14, 0.2]]), String(NG), '0')} AS pid
              FROM range((SELECT CAST(COUNT(*) * 0.3 AS BIGINT) FROM ph_lines)) t(s))
      ) r
      JOIN inst i ON i.idx = r.inst_idx
      JOIN item it ON it.key = r.key`);
    await copy('inv_sale', `SELECT fixmedins_code, rtal_docno, med_list_codg, sel_time, sel_cnt, finl_trns_pric, hi_feesetl_flag, setl_id, psn_no, rx_flag, rxno
      FROM sales ORDER BY src, ord`);
    // Monthly purchases covering the month's sales (some items of some pharmacies are under-purchased).
    await engine.exec(`CREATE TABLE monthly AS
      SELECT fixmedins_code, med_list_codg, month(sel_time) AS m, SUM(sel_cnt) AS sold, MAX(finl_trns_pric) AS price
      FROM sales GROUP BY ALL`);
    await engine.exec(`CREATE TABLE purc AS
      SELECT fixmedins_code, med_list_codg, m,
        CAST(CASE WHEN u(hash(fixmedins_code, med_list_codg) % 1000003, 420) < 0.03 THEN ceil(GREATEST(sold, 0) * 0.5) ELSE ceil(GREATEST(sold, 0) * 1.15) + 5 END AS DECIMAL(12,2)) AS qty,
        price, hash(fixmedins_code, med_list_codg, m) % 1000003 AS key
      FROM monthly`);
    await copy('inv_purc', `
      SELECT fixmedins_code, med_list_codg, purc_time, purc_cnt, finl_trns_pric, spler_name, manu_lotnum FROM (
        SELECT fixmedins_code, med_list_codg, make_timestamp(2024, m, 1, 9, 0, 0) + to_seconds(hi(key, 421, 7200)) AS purc_time, qty AS purc_cnt,
          CAST(round(price * 0.75, 2) AS DECIMAL(12,2)) AS finl_trns_pric, ${sqlList(SUPPLIERS)}[1 + hi(key, 422, ${SUPPLIERS.length})] AS spler_name,
          '24' || lpad(CAST(m AS VARCHAR), 2, '0') || lpad(CAST(hi(key, 423, 1000000) AS VARCHAR), 6, '0') AS manu_lotnum, key, 0 AS o
        FROM purc WHERE qty > 0
        UNION ALL
        SELECT fixmedins_code, med_list_codg, make_timestamp(2024, m, 20, 14, 0, 0) + to_seconds(hi(key, 424, 7200)),
          CAST(-(1 + hi(key, 425, 2)) AS DECIMAL(12,2)), CAST(round(price * 0.75, 2) AS DECIMAL(12,2)), ${sqlList(SUPPLIERS)}[1 + hi(key, 422, ${SUPPLIERS.length})],
          '24' || lpad(CAST(m AS VARCHAR), 2, '0') || lpad(CAST(hi(key, 423, 1000000) AS VARCHAR), 6, '0'), key, 1
        FROM purc WHERE qty > 10 AND u(key, 426) < 0.01
      ) x ORDER BY fixmedins_code, med_list_codg, purc_time, o`);
    // Stocktakes: opening stock on 1 January, then quarter ends (opening + purchases − sales so far).
    await copy('inv_stock', `
      WITH pairs AS (
        SELECT fixmedins_code, med_list_codg, 5 + hi(hash(fixmedins_code, med_list_codg) % 1000003, 430, 40) AS opening
        FROM monthly GROUP BY ALL
      ), q AS (
        SELECT p.fixmedins_code, p.med_list_codg, qe.q,
          p.opening + COALESCE((SELECT SUM(qty) FROM purc x WHERE x.fixmedins_code = p.fixmedins_code AND x.med_list_codg = p.med_list_codg AND x.m <= qe.q * 3), 0)
            - COALESCE((SELECT SUM(sold) FROM monthly x WHERE x.fixmedins_code = p.fixmedins_code AND x.med_list_codg = p.med_list_codg AND x.m <= qe.q * 3), 0) AS stock
        FROM pairs p, range(1, 5) qe(q)
      )
      SELECT fixmedins_code, med_list_codg, invdate, inv_cnt FROM (
        SELECT fixmedins_code, med_list_codg, DATE '2024-01-01' AS invdate, CAST(opening AS DECIMAL(12,2)) AS inv_cnt, 0 AS q FROM pairs
        UNION ALL
        SELECT fixmedins_code, med_list_codg, last_day(make_date(2024, CAST(q * 3 AS INTEGER), 1)), CAST(GREATEST(stock, 0) AS DECIMAL(12,2)), q FROM q
      ) x ORDER BY fixmedins_code, med_list_codg, q`);

    // --- Identity checks at some hospitals -------------------------------------------------------
    await copy('idauth', `
      SELECT 'AU' || lpad(CAST(2 * v + a AS VARCHAR), 12, '0') AS auth_id, psn_no, fixmedins_code,
        GREATEST(begntime - to_seconds(30 + hi(v, 301, 570)) + to_seconds(a * 60), TIMESTAMP '2024-01-01 00:00:00') AS auth_time,
        ${pick('u(v, 302)', [['face', 0.6], ['ecert', 0.25], ['card', 0.1], ['fingerprint', 0.05]])} AS auth_way,
        CASE WHEN a = 0 AND fails THEN '0' ELSE '1' END AS auth_rslt,
        CASE WHEN u(v, 304) < 0.9 THEN mdtrt_id END AS mdtrt_id
      FROM (
        SELECT *, unnest(range(CASE WHEN fails THEN 2 ELSE 1 END)) AS a
        FROM (SELECT v, psn_no, fixmedins_code, mdtrt_id, begntime, u(v, 303) < 0.04 AS fails
              FROM visit WHERE auth AND NOT (mt = '21' AND u(v, 300) < ${rate(UNVERIFIED)}))
      ) x`);
  } finally {
    await engine.close();
    await rm(tmp, { recursive: true, force: true });
  }
  return { tables, seconds: (performance.now() - started) / 1000 };
}
