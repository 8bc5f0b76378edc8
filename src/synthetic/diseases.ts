/**
 * Disease groups of the synthetic city: who gets what, where it is treated, and how long admissions last.
 *
 * Conventions
 * - Diagnosis codes are ICD-10 医保版 (国家医疗保障疾病诊断分类与代码) in the platform's six-character form:
 *   category, dot, subcategory digit and a two-character extension, e.g. `J18.900`, `I10.x00`. Names are the
 *   usual Chinese names. A code appears in one group only.
 * - A group's diagnoses are rows: [code, name, settings, stay days, 'surgical']. `settings` are the kinds of
 *   visit in which the diagnosis is the main one, in the letters of the catalogue tables (O outpatient,
 *   E emergency, C chronic, I inpatient). Pharmacy purchases (41) carry no diagnosis, so no diagnosis lists P.
 *   C (门诊慢特病, med_type 14) is listed only for the conditions a chronic group follows up monthly.
 * - `stayDays` / `surgical` for every diagnosis that can be admitted. Within a group the admitted diagnoses
 *   differ in their first three characters (SPLIT_ADMISSION compares 3-character prefixes of readmissions).
 * - `dept`: department codes of the national 科室 classification used by the 医保 platform (A03.01 呼吸内科 …),
 *   one per group.
 * - `weight`: relative frequency among acute outpatient visits of the persons the group applies to;
 *   `season`: a multiplier per month, January first (respiratory and paediatric infections peak in winter,
 *   gastroenteritis in summer).
 * - CHRONIC_FROM_AGE: the share of persons registered for a group's chronic follow-up, by the age from which
 *   it holds (a step function, none below the first age; it becomes `chronic.prevalenceByAge`): rough
 *   Chinese figures (hypertension ≈ 25–45 % of the elderly, diabetes ≈ 10–18 %, COPD ≈ 8–13 % over 60, CKD
 *   and cancer follow-up low, since only 门诊慢特病-registered patients count).
 */
import { settingsOf, type Diagnosis, type DiseaseGroup } from './model.js';

const WINTER = [1.6, 1.5, 1.2, 1.0, 0.8, 0.7, 0.7, 0.7, 0.8, 1.0, 1.3, 1.6];
const SUMMER = [0.8, 0.8, 0.9, 1.0, 1.1, 1.3, 1.5, 1.5, 1.2, 1.0, 0.9, 0.8];
const WINTER_CHILD = [1.5, 1.3, 1.2, 1.1, 1.0, 0.9, 0.8, 0.8, 1.0, 1.0, 1.2, 1.5];

/** Chronic follow-up (门诊慢特病) by age: { from this age: share of persons }. Groups not listed have none. */
const CHRONIC_FROM_AGE: Record<string, Record<number, number>> = {
  respiratory: { 40: 0.03, 60: 0.08, 70: 0.13 },
  cardiovascular: { 18: 0.03, 35: 0.08, 45: 0.15, 55: 0.25, 65: 0.38, 75: 0.45 },
  endocrine: { 18: 0.02, 40: 0.06, 50: 0.1, 60: 0.15, 70: 0.18 },
  oncology: { 30: 0.002, 50: 0.006, 65: 0.012, 75: 0.015 },
  nephrology: { 40: 0.003, 60: 0.008, 75: 0.015 },
};

/** A diagnosis: ICD-10 code, name, settings, usual stay in days (if it can be admitted), 'surgical' (the stay includes an operation). */
type DiagnosisRow = [code: string, name: string, settings: string, stayDays?: [number, number], surgical?: 'surgical'];

function group(about: Omit<DiseaseGroup, 'diagnoses' | 'chronic'>, rows: DiagnosisRow[]): DiseaseGroup {
  const diagnoses = rows.map(([code, name, settings, stayDays, surgical]) => {
    const d: Diagnosis = { code, name, settings: settingsOf(settings) };
    if (stayDays) d.stayDays = stayDays;
    if (surgical) d.surgical = true;
    return d;
  });
  const byAge = CHRONIC_FROM_AGE[about.key];
  if (!byAge) return { ...about, diagnoses };
  const steps = Object.entries(byAge).map(([age, share]): [number, number] => [Number(age), share]);
  return { ...about, chronic: { prevalenceByAge: [[0, 0], ...steps] }, diagnoses };
}

export const DISEASE_GROUPS: DiseaseGroup[] = [
  group({ key: 'respiratory', name: '呼吸系统疾病', dept: 'A03.01', ageMin: 15, ageMax: 100, weight: 30, season: WINTER }, [
    ['J06.900', '急性上呼吸道感染', 'OE'],
    ['J11.100', '流行性感冒', 'OE'],
    ['J02.900', '急性咽炎', 'O'],
    ['J20.900', '急性支气管炎', 'OE'],
    ['J18.900', '肺炎', 'OEI', [5, 12]],
    ['J44.900', '慢性阻塞性肺疾病', 'OC'],
    ['J44.100', '慢性阻塞性肺疾病伴有急性加重', 'EI', [7, 14]],
    ['J45.900', '支气管哮喘', 'OEI', [5, 10]],
  ]),
  group({ key: 'cardiovascular', name: '心脑血管疾病(心血管)', dept: 'A03.04', ageMin: 18, ageMax: 100, weight: 10 }, [
    ['I10.x00', '原发性高血压', 'OC'],
    ['I25.103', '冠状动脉粥样硬化性心脏病', 'OCI', [5, 10]],
    ['I20.000', '不稳定型心绞痛', 'EI', [5, 10], 'surgical'],
    ['I21.900', '急性心肌梗死', 'EI', [7, 14], 'surgical'],
    ['I50.900', '心力衰竭', 'OEI', [7, 14]],
    ['I48.x01', '心房颤动', 'OEI', [4, 8]],
  ]),
  group({ key: 'endocrine', name: '内分泌代谢疾病', dept: 'A03.07', ageMin: 15, ageMax: 100, weight: 6 }, [
    ['E11.900', '2型糖尿病', 'OCI', [7, 12]],
    ['E11.400', '2型糖尿病性周围神经病', 'OC'],
    ['E10.100', '1型糖尿病伴有酮症酸中毒', 'EI', [5, 10]],
    ['E05.900', '甲状腺功能亢进症', 'OI', [5, 10]],
    ['E03.900', '甲状腺功能减退症', 'O'],
    ['E78.500', '高脂血症', 'O'],
    ['E79.000', '高尿酸血症', 'O'],
  ]),
  group({ key: 'digestive', name: '消化系统疾病', dept: 'A03.02', ageMin: 15, ageMax: 100, weight: 15, season: SUMMER }, [
    ['K29.500', '慢性胃炎', 'O'],
    ['K21.000', '胃食管反流病伴有食管炎', 'O'],
    ['K52.900', '非感染性胃肠炎', 'OE'],
    ['K25.900', '胃溃疡', 'OI', [5, 10]],
    ['K35.800', '急性阑尾炎', 'EI', [3, 7], 'surgical'],
    ['K80.100', '胆囊结石伴有慢性胆囊炎', 'OI', [4, 8], 'surgical'],
    ['K74.600', '肝硬化', 'OI', [8, 15]],
    ['B18.100', '慢性乙型病毒性肝炎', 'OI', [7, 14]],
  ]),
  group({ key: 'musculoskeletal', name: '骨关节与脊柱疾病', dept: 'A04.03', ageMin: 18, ageMax: 100, weight: 12 }, [
    ['M54.500', '腰痛', 'O'],
    ['M47.800', '颈椎病', 'O'],
    ['M51.200', '腰椎间盘突出症', 'OI', [7, 14]],
    ['M17.900', '膝关节骨性关节炎', 'OI', [7, 14]],
    ['M48.000', '腰椎管狭窄症', 'OI', [8, 15], 'surgical'],
    ['M81.900', '骨质疏松', 'O'],
    ['M10.900', '痛风', 'OE'],
    ['M75.000', '肩关节周围炎', 'O'],
  ]),
  group({ key: 'neurology', name: '神经系统疾病', dept: 'A03.03', ageMin: 15, ageMax: 100, weight: 8 }, [
    ['I63.900', '脑梗死', 'EI', [8, 20]],
    ['I61.900', '脑出血', 'EI', [14, 28]],
    ['G45.900', '短暂性脑缺血发作', 'EI', [4, 8]],
    ['G40.900', '癫痫', 'OI', [5, 10]],
    ['G43.900', '偏头痛', 'O'],
    ['G47.000', '失眠症', 'O'],
    ['R42.x00', '头晕和眩晕', 'OE'],
    ['G20.x00', '帕金森病', 'O'],
  ]),
  group({ key: 'gynecology_obstetrics', name: '妇产科疾病', dept: 'A05', gend: '2', ageMin: 15, ageMax: 80, weight: 10 }, [
    ['N76.000', '急性阴道炎', 'O'],
    ['N73.900', '盆腔炎', 'OI', [5, 10]],
    ['N94.600', '痛经', 'O'],
    ['N95.100', '绝经期综合征', 'O'],
    ['D25.900', '子宫平滑肌瘤', 'OI', [5, 9], 'surgical'],
    ['O80.000', '单胎顺产', 'I', [2, 5]],
    ['O82.000', '经选择性剖宫产术的单胎分娩', 'I', [4, 7], 'surgical'],
  ]),
  group({ key: 'urology_male', name: '男性泌尿生殖疾病', dept: 'A04.04', gend: '1', ageMin: 30, ageMax: 100, weight: 5 }, [
    ['N40.x00', '前列腺增生', 'OI', [5, 10], 'surgical'],
    ['N41.100', '慢性前列腺炎', 'O'],
    ['N20.000', '肾结石', 'OEI', [3, 7], 'surgical'],
    ['N20.100', '输尿管结石', 'OE'],
    ['N39.000', '泌尿道感染', 'OE'],
    ['N43.300', '睾丸鞘膜积液', 'OI', [3, 6], 'surgical'],
  ]),
  group({ key: 'pediatrics', name: '儿科疾病', dept: 'A07', ageMin: 0, ageMax: 14, weight: 30, season: WINTER_CHILD }, [
    ['J03.900', '急性扁桃体炎', 'OE'],
    ['J10.100', '流行性感冒(已标明流感病毒)', 'OE'],
    ['R50.900', '发热', 'OE'],
    ['J21.900', '急性毛细支气管炎', 'OI', [4, 8]],
    ['J18.000', '支气管肺炎', 'OEI', [5, 10]],
    ['J05.000', '急性喉炎', 'EI', [3, 6]],
    ['A08.000', '轮状病毒性肠炎', 'OEI', [3, 6]],
    ['B08.400', '手足口病', 'OI', [4, 7]],
  ]),
  group({ key: 'oncology', name: '肿瘤', dept: 'A19', ageMin: 30, ageMax: 100, weight: 2 }, [
    ['C34.900', '肺恶性肿瘤', 'OCI', [5, 14]],
    ['C16.900', '胃恶性肿瘤', 'OI', [10, 20], 'surgical'],
    ['C18.900', '结肠恶性肿瘤', 'OI', [10, 20], 'surgical'],
    ['C20.x00', '直肠恶性肿瘤', 'OI', [10, 20], 'surgical'],
    ['C22.000', '肝细胞癌', 'OI', [7, 14]],
    ['Z51.100', '为肿瘤化学治疗疗程', 'I', [3, 6]],
    ['Z08.000', '恶性肿瘤手术后的随诊检查', 'OC'],
  ]),
  group({ key: 'nephrology', name: '肾脏疾病', dept: 'A03.06', ageMin: 15, ageMax: 100, weight: 2 }, [
    ['N18.300', '慢性肾脏病3期', 'OC'],
    ['N18.500', '慢性肾脏病5期', 'CI', [7, 14]],
    ['N04.900', '肾病综合征', 'OI', [7, 14]],
    ['N03.900', '慢性肾炎综合征', 'OI', [7, 12]],
    ['N10.x00', '急性肾盂肾炎', 'OEI', [5, 10]],
    ['N17.900', '急性肾衰竭', 'EI', [7, 14]],
  ]),
  group({ key: 'injury', name: '损伤', dept: 'A20', ageMin: 0, ageMax: 100, weight: 8 }, [
    ['S52.500', '桡骨下端骨折', 'EI', [5, 10], 'surgical'],
    ['S72.000', '股骨颈骨折', 'EI', [10, 21], 'surgical'],
    ['S82.600', '外踝骨折', 'EI', [7, 14], 'surgical'],
    ['S06.000', '脑震荡', 'EI', [3, 7]],
    ['S22.300', '肋骨骨折', 'EI', [5, 10]],
    ['S01.800', '头部开放性伤口', 'E'],
    ['S93.400', '踝关节扭伤', 'E'],
    ['T14.000', '软组织挫伤', 'E'],
  ]),
  group({ key: 'dermatology_ent_eye', name: '皮肤与五官科疾病', dept: 'A13', ageMin: 0, ageMax: 100, weight: 12 }, [
    ['L30.900', '湿疹', 'O'],
    ['L50.900', '荨麻疹', 'OE'],
    ['B02.900', '带状疱疹', 'OI', [5, 10]],
    ['H10.900', '结膜炎', 'O'],
    ['H25.900', '老年性白内障', 'OI', [2, 4], 'surgical'],
    ['J30.400', '变应性鼻炎', 'O'],
    ['H66.900', '中耳炎', 'O'],
    ['J32.900', '慢性鼻窦炎', 'OI', [4, 8], 'surgical'],
  ]),
];
