/**
 * Medical services: treatments (05 治疗) and operations (06 手术). Rows: [name, price at level 3, groups,
 * settings, extra]; see helpers.ts. Operations are 限住院 (lmtMedTypes ['21']) and billed in hospital only;
 * some need a level-2 or level-3 hospital. Rehabilitation and acupuncture carry a seven-day frequency limit.
 */
import type { CatalogueItem } from '../model.js';
import { services } from './helpers.js';

const WEEKLY = (n: number) => ({ per7d: n, perDay: 1 }) as const;
const TWICE = { perDay: 2, cnt: [1, 2] as [number, number] };
/** 限住院: operations are billed in hospital only. */
const INPATIENT_ONLY = { med: '21' } as const;

export const TREATMENT_SERVICES: CatalogueItem[] = [
  // Injections, infusions, general treatment
  ...services('0031', 1, '05', 'treatment', [
    ['静脉注射', 8, '*', 'OEI'],
    ['静脉输液(第一组)', 15, '*', 'OEI'],
    ['静脉输液(每增加一组)', 5, '*', 'OEI', { cnt: [1, 3] }],
    ['肌肉注射', 5, '*', 'OEI'],
    ['皮下注射', 4, '*', 'OEI'],
    ['小儿头皮静脉输液', 20, 'pe', 'OEI', { ageMax: 14 }],
    ['静脉输液泵治疗', 30, '*', 'I', { med: '21' }],
    ['氧气吸入', 3, '*', 'EI', { cnt: [2, 8] }],
    ['超声雾化吸入', 8, 're pe', 'OEI'],
    ['氧气驱动雾化吸入', 10, 're pe', 'OEI'],
    ['心电监测', 4, 'cv ne re in', 'EI', { cnt: [6, 24] }],
    ['无创呼吸机辅助通气', 15, 're', 'EI', { cnt: [4, 12] }],
    ['导尿', 30, 'um np gy ne', 'EI'],
    ['膀胱冲洗', 30, 'um', 'I'],
    ['灌肠', 30, 'di pe', 'EI'],
    ['胃肠减压', 40, 'di', 'I'],
    ['吸痰', 10, 're ne', 'I', { cnt: [1, 4] }],
    ['换药(中)', 25, 'in di um gy de', 'OEI'],
    ['清创缝合(小)', 120, 'in de', 'E'],
    ['胰岛素泵持续皮下注射', 120, 'en', 'I', { med: '21' }],
    ['动态血糖监测', 300, 'en', 'OC', { med: '11|14' }],
    ['心肺复苏术', 200, 'cv', 'EI'],
    ['电除颤', 150, 'cv', 'EI'],
    ['肿瘤静脉化疗', 50, 'on', 'I'],
  ]),
  // Rehabilitation, physiotherapy, acupuncture and massage
  ...services('0031', 2, '05', 'treatment', [
    ['普通针刺', 30, 'ms ne', 'OI', WEEKLY(6)],
    ['电针', 35, 'ms ne', 'OI', WEEKLY(6)],
    ['艾灸', 25, 'ms ne gy', 'OI', WEEKLY(5)],
    ['推拿治疗', 50, 'ms', 'OI', WEEKLY(5)],
    ['运动疗法', 60, 'ms ne', 'OI', WEEKLY(5)],
    ['中频脉冲电治疗', 20, 'ms ne', 'OI', WEEKLY(6)],
    ['偏瘫肢体综合训练', 70, 'ne', 'I', WEEKLY(5)],
    ['红外线治疗', 15, 'ms in de', 'OI', TWICE],
    ['微波治疗', 20, 'ms gy', 'OI', TWICE],
    ['超短波治疗', 20, 'ms re', 'OI', TWICE],
    ['小儿推拿治疗', 40, 'pe', 'OI', { ageMax: 14 }],
    ['关节腔注射', 50, 'ms', 'OI'],
    ['阴道冲洗上药', 20, 'gy', 'OI', { gend: '2' }],
    ['前列腺按摩', 15, 'um', 'OI', { gend: '1' }],
  ]),
  // Dialysis (门诊慢特病 and inpatients)
  ...services('0031', 3, '05', 'treatment', [
    ['血液透析', 420, 'np', 'CI', { med: '14|21', ...WEEKLY(3) }],
    ['血液透析滤过', 600, 'np', 'CI', { med: '14|21', ...WEEKLY(3) }],
    ['腹膜透析', 120, 'np', 'CI', { med: '14|21' }],
  ]),
  // Specialty treatments
  ...services('0031', 4, '05', 'treatment', [
    ['体外冲击波碎石', 1200, 'um', 'OEI', { lv: '02' }],
    ['小夹板外固定术', 150, 'in', 'EI'],
    ['骨折手法整复术', 300, 'in', 'EI'],
    ['鼻腔冲洗', 15, 'de', 'O'],
    ['耵聍冲洗', 20, 'de', 'O'],
    ['调强适形放射治疗', 1000, 'on', 'I', { hosp: 3 }],
    ['激光祛斑治疗', 800, 'de', 'O', { lv: '03' }],
  ]),

  // Operations (限住院)
  ...services('0033', 1, '06', 'surgery', INPATIENT_ONLY, [
    ['冠状动脉造影术', 2800, 'cv', 'I', { hosp: 3 }],
    ['经皮冠状动脉支架置入术', 6800, 'cv', 'I', { hosp: 3 }],
    ['经皮冠状动脉球囊扩张术', 4500, 'cv', 'I', { hosp: 2 }],
    ['临时心脏起搏器置入术', 1200, 'cv', 'I'],
  ]),
  ...services('0033', 2, '06', 'surgery', INPATIENT_ONLY, [
    ['阑尾切除术', 1200, 'di', 'I'],
    ['腹腔镜阑尾切除术', 1800, 'di', 'I'],
    ['腹腔镜胆囊切除术', 2200, 'di', 'I'],
    ['胃癌根治术', 6500, 'on', 'I', { hosp: 3 }],
    ['结肠癌根治术', 6000, 'on', 'I'],
    ['腹腔镜直肠癌根治术', 7000, 'on', 'I', { hosp: 3 }],
  ]),
  ...services('0033', 3, '06', 'surgery', INPATIENT_ONLY, [
    ['经皮椎间孔镜下腰椎间盘髓核摘除术', 3500, 'ms', 'I', { hosp: 2 }],
    ['腰椎管减压植骨融合内固定术', 5500, 'ms', 'I'],
    ['人工全膝关节置换术', 6000, 'ms', 'I', { hosp: 2 }],
    ['桡骨远端骨折切开复位内固定术', 2800, 'in', 'I'],
    ['股骨颈骨折闭合复位空心钉内固定术', 3000, 'in', 'I'],
    ['人工股骨头置换术', 5000, 'in', 'I', { hosp: 2 }],
    ['踝关节骨折切开复位内固定术', 2600, 'in', 'I'],
  ]),
  ...services('0033', 4, '06', 'surgery', INPATIENT_ONLY, [
    ['腹腔镜子宫肌瘤剔除术', 2500, 'gy', 'I', { gend: '2' }],
    ['腹腔镜全子宫切除术', 3500, 'gy', 'I', { gend: '2' }],
    ['剖宫产术', 1500, 'gy', 'I', { gend: '2' }],
    ['经尿道前列腺电切术', 3200, 'um', 'I', { gend: '1' }],
    ['睾丸鞘膜翻转术', 1200, 'um', 'I', { gend: '1' }],
    ['经皮肾镜碎石取石术', 4500, 'um', 'I'],
    ['输尿管镜碎石取石术', 3500, 'um', 'I'],
  ]),
  ...services('0033', 5, '06', 'surgery', INPATIENT_ONLY, [
    ['白内障超声乳化摘除+人工晶体植入术', 2800, 'de', 'I'],
    ['鼻内镜下鼻窦开放术', 2400, 'de', 'I'],
    ['开颅血肿清除术', 5000, 'ne', 'I', { hosp: 3 }],
  ]),
];
