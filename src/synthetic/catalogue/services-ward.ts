/**
 * Medical services: registration (13), consultation (02 诊察 / 12 一般诊疗), ward round (02 住院诊查), beds (01),
 * nursing (07) and other medical charges (14). Rows: [name, price at level 3, groups, settings, extra];
 * see helpers.ts. All are billed once a day at most (maxCntPerDay 1) except the 14 items.
 */
import type { CatalogueItem } from '../model.js';
import { services } from './helpers.js';

const ONCE = { perDay: 1 } as const;

export const WARD_SERVICES: CatalogueItem[] = [
  ...services('0011', 1, '13', 'registration', { ...ONCE, flat: true }, [
    ['普通门诊挂号费', 1, '*', 'O'],
    ['副主任医师门诊挂号费', 3, '*', 'O'],
    ['专家门诊挂号费', 5, '*', 'O'],
    ['中医门诊挂号费', 1.5, '*', 'O'],
    ['急诊挂号费', 2, '*', 'E'],
  ]),
  ...services('0011', 2, '02', 'consultation', ONCE, [
    ['普通门诊诊查费', 10, '*', 'OEC'],
    ['副主任医师门诊诊查费', 18, '*', 'OC'],
    ['主任医师门诊诊查费', 25, '*', 'OC'],
    ['急诊诊查费', 15, '*', 'E'],
    ['中医辨证论治费', 22, '*', 'OC'],
    ['知名专家门诊诊查费', 60, '*', 'O', { lv: '03' }],
  ]),
  ...services('0011', 3, '12', 'consultation', ONCE, [
    ['一般诊疗费', 10, '*', 'OEC'],
    ['一般诊疗费(村卫生室)', 6, '*', 'OEC'],
  ]),
  ...services('0011', 4, '02', 'ward_round', ONCE, [['住院诊查费', 20, '*', 'I']]),
  ...services('0011', 9, '01', 'bed', ONCE, [
    ['普通病房床位费', 35, '*', 'I'],
    ['双人间病房床位费', 50, '*', 'I'],
    ['单人间病房床位费', 90, '*', 'I', { lv: '02' }],
    ['重症监护病房床位费', 150, '*', 'I'],
    ['层流洁净病房床位费', 180, '*', 'I', { lv: '02' }],
    ['特需病房床位费', 400, '*', 'I', { lv: '03' }],
  ]),
  ...services('0011', 12, '07', 'nursing', ONCE, [
    ['特级护理', 120, '*', 'I'],
    ['一级护理', 28, '*', 'I'],
    ['二级护理', 18, '*', 'I'],
    ['三级护理', 10, '*', 'I'],
    ['重症监护', 240, '*', 'I', { med: '21' }],
  ]),
  ...services('0019', 1, '14', 'other', [
    ['救护车出车费', 100, '*', 'E', { flat: true }],
    ['出诊费', 20, '*', 'O'],
    ['院内会诊费', 40, '*', 'I'],
    ['远程会诊费', 300, '*', 'I', { lv: '02' }],
    ['营养风险筛查', 20, '*', 'I'],
    ['病历复印费', 1, '*', 'OI', { lv: '03', flat: true }],
  ]),
];
