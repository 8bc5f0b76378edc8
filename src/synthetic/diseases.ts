/**
 * Disease groups of the synthetic city: who gets what, where it is treated, and how long admissions last.
 *
 * Conventions
 * - Diagnosis codes are ICD-10 医保版 (国家医疗保障疾病诊断分类与代码) in the platform's six-character form:
 *   category, dot, subcategory digit and a two-character extension, e.g. `J18.900`, `I10.x00`. Names are the
 *   usual Chinese names. A code appears in one group only.
 * - `settings` of a diagnosis: the kinds of visit in which it is the main diagnosis. Pharmacy purchases (41)
 *   carry no diagnosis, so no diagnosis lists 'pharmacy'. 'chronic' (门诊慢特病, med_type 14) is listed only for
 *   the conditions a chronic group follows up monthly.
 * - `stayDays` / `surgical` for every diagnosis that can be admitted. Within a group the admitted diagnoses
 *   differ in their first three characters (SPLIT_ADMISSION compares 3-character prefixes of readmissions).
 * - `dept`: department codes of the national 科室 classification used by the 医保 platform (A03.01 呼吸内科 …),
 *   one per group.
 * - `weight`: relative frequency among acute outpatient visits of the persons the group applies to;
 *   `season`: a multiplier per month, January first (respiratory and paediatric infections peak in winter,
 *   gastroenteritis in summer).
 * - `chronic.prevalenceByAge`: step function [[minAge, share of persons of at least that age], …]: rough
 *   Chinese figures (hypertension ≈ 25–45 % of the elderly, diabetes ≈ 10–18 %, COPD ≈ 8–13 % over 60, CKD
 *   and cancer follow-up low, since only 门诊慢特病-registered patients count).
 */
import type { DiseaseGroup } from './model.js';

const WINTER = [1.6, 1.5, 1.2, 1.0, 0.8, 0.7, 0.7, 0.7, 0.8, 1.0, 1.3, 1.6];
const SUMMER = [0.8, 0.8, 0.9, 1.0, 1.1, 1.3, 1.5, 1.5, 1.2, 1.0, 0.9, 0.8];
const WINTER_CHILD = [1.5, 1.3, 1.2, 1.1, 1.0, 0.9, 0.8, 0.8, 1.0, 1.0, 1.2, 1.5];

export const DISEASE_GROUPS: DiseaseGroup[] = [
  {
    key: 'respiratory',
    name: '呼吸系统疾病',
    dept: 'A03.01',
    ageMin: 15,
    ageMax: 100,
    weight: 30,
    season: WINTER,
    chronic: {
      prevalenceByAge: [
        [0, 0],
        [40, 0.03],
        [60, 0.08],
        [70, 0.13],
      ],
    },
    diagnoses: [
      { code: 'J06.900', name: '急性上呼吸道感染', settings: ['outpatient', 'emergency'] },
      { code: 'J11.100', name: '流行性感冒', settings: ['outpatient', 'emergency'] },
      { code: 'J02.900', name: '急性咽炎', settings: ['outpatient'] },
      { code: 'J20.900', name: '急性支气管炎', settings: ['outpatient', 'emergency'] },
      { code: 'J18.900', name: '肺炎', settings: ['outpatient', 'emergency', 'inpatient'], stayDays: [5, 12] },
      { code: 'J44.900', name: '慢性阻塞性肺疾病', settings: ['outpatient', 'chronic'] },
      { code: 'J44.100', name: '慢性阻塞性肺疾病伴有急性加重', settings: ['emergency', 'inpatient'], stayDays: [7, 14] },
      { code: 'J45.900', name: '支气管哮喘', settings: ['outpatient', 'emergency', 'inpatient'], stayDays: [5, 10] },
    ],
  },
  {
    key: 'cardiovascular',
    name: '心脑血管疾病(心血管)',
    dept: 'A03.04',
    ageMin: 18,
    ageMax: 100,
    weight: 10,
    chronic: {
      prevalenceByAge: [
        [0, 0],
        [18, 0.03],
        [35, 0.08],
        [45, 0.15],
        [55, 0.25],
        [65, 0.38],
        [75, 0.45],
      ],
    },
    diagnoses: [
      { code: 'I10.x00', name: '原发性高血压', settings: ['outpatient', 'chronic'] },
      { code: 'I25.103', name: '冠状动脉粥样硬化性心脏病', settings: ['outpatient', 'chronic', 'inpatient'], stayDays: [5, 10] },
      { code: 'I20.000', name: '不稳定型心绞痛', settings: ['emergency', 'inpatient'], stayDays: [5, 10], surgical: true },
      { code: 'I21.900', name: '急性心肌梗死', settings: ['emergency', 'inpatient'], stayDays: [7, 14], surgical: true },
      { code: 'I50.900', name: '心力衰竭', settings: ['outpatient', 'emergency', 'inpatient'], stayDays: [7, 14] },
      { code: 'I48.x01', name: '心房颤动', settings: ['outpatient', 'emergency', 'inpatient'], stayDays: [4, 8] },
    ],
  },
  {
    key: 'endocrine',
    name: '内分泌代谢疾病',
    dept: 'A03.07',
    ageMin: 15,
    ageMax: 100,
    weight: 6,
    chronic: {
      prevalenceByAge: [
        [0, 0],
        [18, 0.02],
        [40, 0.06],
        [50, 0.1],
        [60, 0.15],
        [70, 0.18],
      ],
    },
    diagnoses: [
      { code: 'E11.900', name: '2型糖尿病', settings: ['outpatient', 'chronic', 'inpatient'], stayDays: [7, 12] },
      { code: 'E11.400', name: '2型糖尿病性周围神经病', settings: ['outpatient', 'chronic'] },
      { code: 'E10.100', name: '1型糖尿病伴有酮症酸中毒', settings: ['emergency', 'inpatient'], stayDays: [5, 10] },
      { code: 'E05.900', name: '甲状腺功能亢进症', settings: ['outpatient', 'inpatient'], stayDays: [5, 10] },
      { code: 'E03.900', name: '甲状腺功能减退症', settings: ['outpatient'] },
      { code: 'E78.500', name: '高脂血症', settings: ['outpatient'] },
      { code: 'E79.000', name: '高尿酸血症', settings: ['outpatient'] },
    ],
  },
  {
    key: 'digestive',
    name: '消化系统疾病',
    dept: 'A03.02',
    ageMin: 15,
    ageMax: 100,
    weight: 15,
    season: SUMMER,
    diagnoses: [
      { code: 'K29.500', name: '慢性胃炎', settings: ['outpatient'] },
      { code: 'K21.000', name: '胃食管反流病伴有食管炎', settings: ['outpatient'] },
      { code: 'K52.900', name: '非感染性胃肠炎', settings: ['outpatient', 'emergency'] },
      { code: 'K25.900', name: '胃溃疡', settings: ['outpatient', 'inpatient'], stayDays: [5, 10] },
      { code: 'K35.800', name: '急性阑尾炎', settings: ['emergency', 'inpatient'], stayDays: [3, 7], surgical: true },
      { code: 'K80.100', name: '胆囊结石伴有慢性胆囊炎', settings: ['outpatient', 'inpatient'], stayDays: [4, 8], surgical: true },
      { code: 'K74.600', name: '肝硬化', settings: ['outpatient', 'inpatient'], stayDays: [8, 15] },
      { code: 'B18.100', name: '慢性乙型病毒性肝炎', settings: ['outpatient', 'inpatient'], stayDays: [7, 14] },
    ],
  },
  {
    key: 'musculoskeletal',
    name: '骨关节与脊柱疾病',
    dept: 'A04.03',
    ageMin: 18,
    ageMax: 100,
    weight: 12,
    diagnoses: [
      { code: 'M54.500', name: '腰痛', settings: ['outpatient'] },
      { code: 'M47.800', name: '颈椎病', settings: ['outpatient'] },
      { code: 'M51.200', name: '腰椎间盘突出症', settings: ['outpatient', 'inpatient'], stayDays: [7, 14] },
      { code: 'M17.900', name: '膝关节骨性关节炎', settings: ['outpatient', 'inpatient'], stayDays: [7, 14] },
      { code: 'M48.000', name: '腰椎管狭窄症', settings: ['outpatient', 'inpatient'], stayDays: [8, 15], surgical: true },
      { code: 'M81.900', name: '骨质疏松', settings: ['outpatient'] },
      { code: 'M10.900', name: '痛风', settings: ['outpatient', 'emergency'] },
      { code: 'M75.000', name: '肩关节周围炎', settings: ['outpatient'] },
    ],
  },
  {
    key: 'neurology',
    name: '神经系统疾病',
    dept: 'A03.03',
    ageMin: 15,
    ageMax: 100,
    weight: 8,
    diagnoses: [
      { code: 'I63.900', name: '脑梗死', settings: ['emergency', 'inpatient'], stayDays: [8, 20] },
      { code: 'I61.900', name: '脑出血', settings: ['emergency', 'inpatient'], stayDays: [14, 28] },
      { code: 'G45.900', name: '短暂性脑缺血发作', settings: ['emergency', 'inpatient'], stayDays: [4, 8] },
      { code: 'G40.900', name: '癫痫', settings: ['outpatient', 'inpatient'], stayDays: [5, 10] },
      { code: 'G43.900', name: '偏头痛', settings: ['outpatient'] },
      { code: 'G47.000', name: '失眠症', settings: ['outpatient'] },
      { code: 'R42.x00', name: '头晕和眩晕', settings: ['outpatient', 'emergency'] },
      { code: 'G20.x00', name: '帕金森病', settings: ['outpatient'] },
    ],
  },
  {
    key: 'gynecology_obstetrics',
    name: '妇产科疾病',
    dept: 'A05',
    gend: '2',
    ageMin: 15,
    ageMax: 80,
    weight: 10,
    diagnoses: [
      { code: 'N76.000', name: '急性阴道炎', settings: ['outpatient'] },
      { code: 'N73.900', name: '盆腔炎', settings: ['outpatient', 'inpatient'], stayDays: [5, 10] },
      { code: 'N94.600', name: '痛经', settings: ['outpatient'] },
      { code: 'N95.100', name: '绝经期综合征', settings: ['outpatient'] },
      { code: 'D25.900', name: '子宫平滑肌瘤', settings: ['outpatient', 'inpatient'], stayDays: [5, 9], surgical: true },
      { code: 'O80.000', name: '单胎顺产', settings: ['inpatient'], stayDays: [2, 5] },
      { code: 'O82.000', name: '经选择性剖宫产术的单胎分娩', settings: ['inpatient'], stayDays: [4, 7], surgical: true },
    ],
  },
  {
    key: 'urology_male',
    name: '男性泌尿生殖疾病',
    dept: 'A04.04',
    gend: '1',
    ageMin: 30,
    ageMax: 100,
    weight: 5,
    diagnoses: [
      { code: 'N40.x00', name: '前列腺增生', settings: ['outpatient', 'inpatient'], stayDays: [5, 10], surgical: true },
      { code: 'N41.100', name: '慢性前列腺炎', settings: ['outpatient'] },
      { code: 'N20.000', name: '肾结石', settings: ['outpatient', 'emergency', 'inpatient'], stayDays: [3, 7], surgical: true },
      { code: 'N20.100', name: '输尿管结石', settings: ['outpatient', 'emergency'] },
      { code: 'N39.000', name: '泌尿道感染', settings: ['outpatient', 'emergency'] },
      { code: 'N43.300', name: '睾丸鞘膜积液', settings: ['outpatient', 'inpatient'], stayDays: [3, 6], surgical: true },
    ],
  },
  {
    key: 'pediatrics',
    name: '儿科疾病',
    dept: 'A07',
    ageMin: 0,
    ageMax: 14,
    weight: 30,
    season: WINTER_CHILD,
    diagnoses: [
      { code: 'J03.900', name: '急性扁桃体炎', settings: ['outpatient', 'emergency'] },
      { code: 'J10.100', name: '流行性感冒(已标明流感病毒)', settings: ['outpatient', 'emergency'] },
      { code: 'R50.900', name: '发热', settings: ['outpatient', 'emergency'] },
      { code: 'J21.900', name: '急性毛细支气管炎', settings: ['outpatient', 'inpatient'], stayDays: [4, 8] },
      { code: 'J18.000', name: '支气管肺炎', settings: ['outpatient', 'emergency', 'inpatient'], stayDays: [5, 10] },
      { code: 'J05.000', name: '急性喉炎', settings: ['emergency', 'inpatient'], stayDays: [3, 6] },
      { code: 'A08.000', name: '轮状病毒性肠炎', settings: ['outpatient', 'emergency', 'inpatient'], stayDays: [3, 6] },
      { code: 'B08.400', name: '手足口病', settings: ['outpatient', 'inpatient'], stayDays: [4, 7] },
    ],
  },
  {
    key: 'oncology',
    name: '肿瘤',
    dept: 'A19',
    ageMin: 30,
    ageMax: 100,
    weight: 2,
    chronic: {
      prevalenceByAge: [
        [0, 0],
        [30, 0.002],
        [50, 0.006],
        [65, 0.012],
        [75, 0.015],
      ],
    },
    diagnoses: [
      { code: 'C34.900', name: '肺恶性肿瘤', settings: ['outpatient', 'chronic', 'inpatient'], stayDays: [5, 14] },
      { code: 'C16.900', name: '胃恶性肿瘤', settings: ['outpatient', 'inpatient'], stayDays: [10, 20], surgical: true },
      { code: 'C18.900', name: '结肠恶性肿瘤', settings: ['outpatient', 'inpatient'], stayDays: [10, 20], surgical: true },
      { code: 'C20.x00', name: '直肠恶性肿瘤', settings: ['outpatient', 'inpatient'], stayDays: [10, 20], surgical: true },
      { code: 'C22.000', name: '肝细胞癌', settings: ['outpatient', 'inpatient'], stayDays: [7, 14] },
      { code: 'Z51.100', name: '为肿瘤化学治疗疗程', settings: ['inpatient'], stayDays: [3, 6] },
      { code: 'Z08.000', name: '恶性肿瘤手术后的随诊检查', settings: ['outpatient', 'chronic'] },
    ],
  },
  {
    key: 'nephrology',
    name: '肾脏疾病',
    dept: 'A03.06',
    ageMin: 15,
    ageMax: 100,
    weight: 2,
    chronic: {
      prevalenceByAge: [
        [0, 0],
        [40, 0.003],
        [60, 0.008],
        [75, 0.015],
      ],
    },
    diagnoses: [
      { code: 'N18.300', name: '慢性肾脏病3期', settings: ['outpatient', 'chronic'] },
      { code: 'N18.500', name: '慢性肾脏病5期', settings: ['chronic', 'inpatient'], stayDays: [7, 14] },
      { code: 'N04.900', name: '肾病综合征', settings: ['outpatient', 'inpatient'], stayDays: [7, 14] },
      { code: 'N03.900', name: '慢性肾炎综合征', settings: ['outpatient', 'inpatient'], stayDays: [7, 12] },
      { code: 'N10.x00', name: '急性肾盂肾炎', settings: ['outpatient', 'emergency', 'inpatient'], stayDays: [5, 10] },
      { code: 'N17.900', name: '急性肾衰竭', settings: ['emergency', 'inpatient'], stayDays: [7, 14] },
    ],
  },
  {
    key: 'injury',
    name: '损伤',
    dept: 'A20',
    ageMin: 0,
    ageMax: 100,
    weight: 8,
    diagnoses: [
      { code: 'S52.500', name: '桡骨下端骨折', settings: ['emergency', 'inpatient'], stayDays: [5, 10], surgical: true },
      { code: 'S72.000', name: '股骨颈骨折', settings: ['emergency', 'inpatient'], stayDays: [10, 21], surgical: true },
      { code: 'S82.600', name: '外踝骨折', settings: ['emergency', 'inpatient'], stayDays: [7, 14], surgical: true },
      { code: 'S06.000', name: '脑震荡', settings: ['emergency', 'inpatient'], stayDays: [3, 7] },
      { code: 'S22.300', name: '肋骨骨折', settings: ['emergency', 'inpatient'], stayDays: [5, 10] },
      { code: 'S01.800', name: '头部开放性伤口', settings: ['emergency'] },
      { code: 'S93.400', name: '踝关节扭伤', settings: ['emergency'] },
      { code: 'T14.000', name: '软组织挫伤', settings: ['emergency'] },
    ],
  },
  {
    key: 'dermatology_ent_eye',
    name: '皮肤与五官科疾病',
    dept: 'A13',
    ageMin: 0,
    ageMax: 100,
    weight: 12,
    diagnoses: [
      { code: 'L30.900', name: '湿疹', settings: ['outpatient'] },
      { code: 'L50.900', name: '荨麻疹', settings: ['outpatient', 'emergency'] },
      { code: 'B02.900', name: '带状疱疹', settings: ['outpatient', 'inpatient'], stayDays: [5, 10] },
      { code: 'H10.900', name: '结膜炎', settings: ['outpatient'] },
      { code: 'H25.900', name: '老年性白内障', settings: ['outpatient', 'inpatient'], stayDays: [2, 4], surgical: true },
      { code: 'J30.400', name: '变应性鼻炎', settings: ['outpatient'] },
      { code: 'H66.900', name: '中耳炎', settings: ['outpatient'] },
      { code: 'J32.900', name: '慢性鼻窦炎', settings: ['outpatient', 'inpatient'], stayDays: [4, 8], surgical: true },
    ],
  },
];
