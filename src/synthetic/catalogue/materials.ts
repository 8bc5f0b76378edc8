/**
 * Medical materials (08 卫生材料) and non-medical goods sold by pharmacies (14, 非医保商品).
 * Material rows: [name, price, groups, settings, flags, extra] (flags: class, 'c' capped at the price); see
 * helpers.ts. Pharmacies sell masks, test strips, lancets, pen needles and bandages (settings with 'P').
 */
import type { CatalogueItem } from '../model.js';
import { goods, materials } from './helpers.js';

export const MATERIALS: CatalogueItem[] = [
  // General consumables
  ...materials(1, [
    ['一次性使用输液器(带针)', 3.5, '*', 'OEI', '1c', { cnt: [1, 2] }],
    ['一次性使用无菌注射器(5ml)', 0.8, '*', 'OEI', '1c', { cnt: [1, 3] }],
    ['一次性使用静脉留置针', 18, '*', 'EI', '2c'],
    ['医用棉签', 2, '*', 'OEIP', '1', { cnt: [1, 2] }],
    ['医用脱脂纱布块', 1.5, '*', 'OEI', '1', { cnt: [1, 4] }],
    ['医用胶带', 5, '*', 'OEIP', '1'],
    ['一次性使用无菌敷贴', 5, '*', 'OEIP', '1c', { cnt: [1, 3] }],
    ['一次性使用输血器', 8, '*', 'I', '1c'],
    ['一次性使用吸氧管', 5, 're cv ne', 'EI', '1c'],
    ['一次性使用雾化面罩', 15, 're pe', 'OEI', '2'],
    ['一次性使用导尿包', 30, 'um np gy ne', 'EI', '2c'],
    ['一次性使用胃管', 15, 'di ne', 'I', '1'],
    ['一次性使用负压引流器', 30, 'di in', 'I', '2'],
    ['心电电极片', 1, 'cv', 'EI', '1', { cnt: [3, 6] }],
    ['一次性使用阴道扩张器', 8, 'gy', 'OI', '1', { gend: '2' }],
  ]),
  // Sold by pharmacies too
  ...materials(2, [
    ['医用外科口罩(10只)', 8, '*', 'OP', '2', { cnt: [1, 3] }],
    ['血糖试纸(50支)', 120, 'en', 'OCP', '2c'],
    ['一次性使用末梢采血针(100支)', 30, 'en', 'OCP', '2'],
    ['胰岛素笔用针头(7支)', 14, 'en', 'OCP', '2c', { cnt: [1, 4] }],
    ['医用弹力绷带', 15, 'ms in', 'OEP', '2'],
    ['医用退热贴', 18, 'pe', 'P', '3'],
    ['创可贴(100片)', 15, '*', 'P', '3'],
    ['医用冷敷贴', 38, 'ms in', 'P', '3'],
  ]),
  // Orthopaedics and trauma
  ...materials(3, [
    ['医用石膏绷带', 30, 'in', 'EI', '1'],
    ['医用高分子夹板', 150, 'in', 'EI', '2c'],
    ['锁定加压接骨板', 2000, 'in', 'I', '2c'],
    ['空心加压螺钉', 800, 'in', 'I', '2c', { cnt: [2, 3] }],
    ['人工髋关节假体(股骨头)', 7000, 'in ms', 'I', '2c'],
    ['人工膝关节假体', 5000, 'ms', 'I', '2c'],
  ]),
  // Cardiovascular intervention, central lines
  ...materials(4, [
    ['冠状动脉药物洗脱支架', 700, 'cv', 'I', '2c'],
    ['PTCA球囊扩张导管', 300, 'cv', 'I', '2c'],
    ['造影导管', 200, 'cv', 'I', '2'],
    ['血管鞘', 150, 'cv', 'I', '2'],
    ['中心静脉导管包', 350, 'np on cv', 'I', '2'],
  ]),
  // Surgery, eye, urology, dialysis
  ...materials(5, [
    ['可吸收性外科缝线', 80, 'di gy um in on de ms', 'I', '2', { cnt: [1, 3] }],
    ['一次性使用腹腔镜穿刺器', 500, 'di gy on', 'I', '2c'],
    ['一次性使用管型消化道吻合器', 2800, 'on di', 'I', '2c'],
    ['折叠式人工晶体', 1500, 'de', 'I', '2c'],
    ['双J输尿管支架管', 600, 'um', 'I', '2'],
    ['血液透析器', 120, 'np', 'CI', '2c'],
    ['血液透析管路', 60, 'np', 'CI', '2'],
  ]),
];

export const NON_MEDICAL: CatalogueItem[] = goods([
  ['洗手液 500ml', 25],
  ['含氟牙膏 120g', 15],
  ['维生素C泡腾片(保健食品) 20片', 35],
  ['蛋白质粉 400g', 268],
  ['钙维生素D软胶囊(保健食品) 60粒', 98],
  ['成人纸尿裤 L码10片', 65],
  ['隐形眼镜护理液 360ml', 45],
  ['防晒霜 SPF50 50g', 89],
  ['润唇膏 4g', 18],
  ['驱蚊液 100ml', 28],
  ['花露水 195ml', 12],
  ['婴儿湿巾 80抽', 9.9],
  ['枸杞蜂蜜 500g', 45],
]);
