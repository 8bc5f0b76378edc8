/**
 * Medical services: examinations (03 检查) — imaging, ultrasound, endoscopy, function tests.
 * Rows: [name, price at level 3, groups, settings, extra]; see helpers.ts. CT, MRI and endoscopy are
 * 限二级及以上医疗机构, PET-CT and coronary CTA 限三级.
 */
import type { CatalogueItem } from '../model.js';
import { services } from './helpers.js';

const ONCE = { perDay: 1 } as const;

export const EXAM_SERVICES: CatalogueItem[] = [
  // X-ray
  ...services('0021', 1, '03', 'exam', [
    ['胸部X线摄影', 80, '*', 'OEI'],
    ['腹部X线平片(立位)', 60, 'di um np', 'OEI'],
    ['颈椎X线摄影', 80, 'ms', 'OI'],
    ['腰椎X线摄影', 80, 'ms', 'OI'],
    ['膝关节X线摄影', 70, 'ms in', 'OEI'],
    ['四肢骨X线摄影', 60, 'in', 'EI'],
    ['乳腺钼靶X线摄影', 120, 'gy on', 'OI'],
    ['胃肠钡餐造影', 150, 'di', 'OI'],
    ['静脉肾盂造影', 200, 'um np', 'OI'],
  ]),
  // CT
  ...services('0021', 2, '03', 'exam', [
    ['头颅CT平扫', 200, 'ne in', 'OEI', { hosp: 2 }],
    ['胸部CT平扫', 240, 're on in', 'OEI', { hosp: 2 }],
    ['上腹部CT增强扫描', 650, 'di on', 'OI', { hosp: 2, lv: '02' }],
    ['腰椎CT平扫', 260, 'ms', 'OI', { hosp: 2 }],
    ['冠状动脉CT血管成像', 980, 'cv', 'OI', { hosp: 3, lv: '02' }],
  ]),
  // MRI
  ...services('0021', 3, '03', 'exam', [
    ['头颅MRI平扫', 580, 'ne', 'OI', { hosp: 2, lv: '02' }],
    ['腰椎MRI平扫', 600, 'ms', 'OI', { hosp: 2, lv: '02' }],
    ['膝关节MRI平扫', 600, 'ms in', 'OI', { hosp: 2, lv: '02' }],
  ]),
  // Nuclear medicine
  ...services('0021', 4, '03', 'exam', [
    ['PET-CT全身显像', 7800, 'on', 'OI', { hosp: 3, lv: '02' }],
    ['全身骨显像', 800, 'on', 'OI', { hosp: 2 }],
  ]),
  // Ultrasound
  ...services('0021', 5, '03', 'exam', [
    ['腹部彩色多普勒超声', 150, 'di en on np', 'OEI'],
    ['心脏彩色多普勒超声', 280, 'cv', 'OEI'],
    ['颈动脉彩色多普勒超声', 120, 'cv ne en', 'OI'],
    ['甲状腺彩色多普勒超声', 100, 'en', 'OI'],
    ['泌尿系彩色多普勒超声', 120, 'um np', 'OEI'],
    ['下肢血管彩色多普勒超声', 160, 'cv ne in', 'OI'],
    ['乳腺彩色多普勒超声', 100, 'gy', 'OI'],
    ['妇科经阴道彩色多普勒超声', 140, 'gy', 'OI', { gend: '2' }],
    ['产科彩色多普勒超声', 160, 'gy', 'OI', { gend: '2' }],
    ['经直肠前列腺彩色多普勒超声', 150, 'um', 'OI', { gend: '1' }],
    ['经颅多普勒超声', 100, 'ne', 'OI'],
  ]),
  // Endoscopy
  ...services('0021', 6, '03', 'exam', [
    ['电子胃镜检查', 280, 'di', 'OI', { hosp: 2 }],
    ['电子结肠镜检查', 380, 'di on', 'OI', { hosp: 2 }],
    ['电子支气管镜检查', 450, 're on', 'I', { hosp: 2 }],
    ['电子喉镜检查', 150, 'de', 'OI'],
    ['鼻内镜检查', 120, 'de', 'OI'],
    ['阴道镜检查', 120, 'gy', 'OI', { gend: '2' }],
  ]),
  // Electrophysiology and function tests
  ...services('0021', 7, '03', 'exam', [
    ['常规心电图', 25, '*', 'OEI'],
    ['床边心电图', 35, '*', 'EI'],
    ['动态心电图', 180, 'cv ne', 'OI', ONCE],
    ['动态血压监测', 150, 'cv', 'OC', { med: '11|14' }],
    ['心电图运动负荷试验', 150, 'cv', 'O', { hosp: 2 }],
    ['肺功能检查', 120, 're', 'OCI', ONCE],
    ['脑电图', 120, 'ne pe', 'OI', ONCE],
    ['肌电图', 200, 'ne ms en', 'OI'],
    ['骨密度测定', 120, 'ms en', 'OI', ONCE],
    ['眼底检查', 30, 'en de', 'OI'],
    ['裂隙灯检查', 15, 'de', 'OI'],
    ['视力检查', 5, 'de', 'O'],
    ['纯音测听', 40, 'de', 'O'],
    ['儿童神经心理发育评估', 80, 'pe', 'OI', { ageMax: 14 }],
  ]),
];
