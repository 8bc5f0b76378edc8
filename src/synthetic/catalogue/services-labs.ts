/**
 * Medical services: laboratory tests (04 化验). Rows: [name, price at level 3, groups, settings, extra];
 * see helpers.ts. Panels (肝功能, 肾功能, 电解质, 血脂四项, 凝血四项, 甲状腺功能三项) are bundles of the
 * single tests listed right after them (relations.ts); a panel costs less than any two of its parts, and its
 * parts share its groups and settings.
 */
import type { CatalogueItem } from '../model.js';
import { services } from './helpers.js';

const ONCE = { perDay: 1 } as const;
const BASIC = 'OECI';

export const LAB_SERVICES: CatalogueItem[] = [
  // Routine tests of blood, urine, stool and secretions
  ...services('0025', 1, '04', 'lab', [
    ['血常规(五分类)', 25, '*', BASIC],
    ['血常规(三分类)', 15, '*', BASIC],
    ['尿常规', 10, '*', BASIC],
    ['粪便常规', 8, 'di pe on', 'OEI'],
    ['粪便隐血试验', 10, 'di on', 'OI'],
    ['血沉测定', 10, 'ms re', 'OI'],
    ['血型鉴定(ABO+Rh)', 20, '*', 'I'],
    ['阴道分泌物检查', 15, 'gy', 'OI', { gend: '2' }],
    ['前列腺液常规检查', 15, 'um', 'OI', { gend: '1' }],
    ['尿妊娠试验', 10, 'gy', 'OEI'],
  ]),
  // Clinical chemistry
  ...services('0025', 2, '04', 'lab', [
    ['葡萄糖测定', 6, '*', BASIC],
    ['肝功能', 19, '*', BASIC],
    ['丙氨酸氨基转移酶测定', 10, '*', BASIC],
    ['天门冬氨酸氨基转移酶测定', 11, '*', BASIC],
    ['总胆红素测定', 10, '*', BASIC],
    ['白蛋白测定', 11, '*', BASIC],
    ['肾功能', 18, '*', BASIC],
    ['尿素测定', 10, '*', BASIC],
    ['肌酐测定', 11, '*', BASIC],
    ['尿酸测定', 10, '*', BASIC],
    ['电解质', 20, '*', BASIC],
    ['钾测定', 11, '*', BASIC],
    ['钠测定', 11, '*', BASIC],
    ['氯测定', 11, '*', BASIC],
    ['血脂四项', 36, 'cv en ne', 'OCI'],
    ['总胆固醇测定', 20, 'cv en ne', 'OCI'],
    ['甘油三酯测定', 20, 'cv en ne', 'OCI'],
    ['高密度脂蛋白胆固醇测定', 22, 'cv en ne', 'OCI'],
    ['低密度脂蛋白胆固醇测定', 22, 'cv en ne', 'OCI'],
    ['糖化血红蛋白测定', 60, 'en', 'OCI', ONCE],
    ['口服葡萄糖耐量试验', 50, 'en', 'OI', ONCE],
    ['胰岛素测定', 45, 'en', 'OI'],
    ['C肽测定', 45, 'en', 'OI'],
    ['尿微量白蛋白测定', 30, 'en np', 'OCI'],
    ['肌钙蛋白I测定', 90, 'cv', 'OEI'],
    ['N端脑钠肽前体测定', 180, 'cv np', 'OECI'],
    ['肌酸激酶同工酶测定', 30, 'cv', 'EI'],
    ['同型半胱氨酸测定', 40, 'cv ne', 'OI'],
    ['血淀粉酶测定', 25, 'di', 'OEI'],
    ['血氨测定', 35, 'di', 'I'],
    ['血气分析', 80, 're ne np cv', 'EI'],
    ['胱抑素C测定', 40, 'np en', 'OCI'],
    ['24小时尿蛋白定量', 20, 'np', 'OCI'],
    ['血清铁蛋白测定', 40, 'np on', 'OCI'],
    ['25-羟维生素D测定', 100, 'ms pe en', 'OI'],
    ['丙戊酸血药浓度测定', 60, 'ne', 'OI'],
    ['儿童微量元素测定', 40, 'pe', 'OI', { ageMax: 14 }],
  ]),
  // Coagulation
  ...services('0025', 3, '04', 'lab', [
    ['凝血四项', 80, '*', 'OEI'],
    ['凝血酶原时间测定', 45, '*', 'OEI'],
    ['活化部分凝血活酶时间测定', 45, '*', 'OEI'],
    ['凝血酶时间测定', 42, '*', 'OEI'],
    ['纤维蛋白原测定', 44, '*', 'OEI'],
    ['D-二聚体测定', 70, 'cv re ne in', 'EI'],
  ]),
  // Immunology, hormones, tumour markers
  ...services('0025', 4, '04', 'lab', [
    ['甲状腺功能三项', 90, 'en', 'OI'],
    ['游离三碘甲状腺原氨酸测定', 50, 'en', 'OI'],
    ['游离甲状腺素测定', 50, 'en', 'OI'],
    ['促甲状腺激素测定', 55, 'en', 'OI'],
    ['C反应蛋白测定', 30, 're pe um np de', 'OEI'],
    ['降钙素原测定', 120, 're pe np', 'EI'],
    ['乙型肝炎病毒表面抗原测定', 15, '*', 'I'],
    ['梅毒螺旋体特异抗体测定', 20, '*', 'I'],
    ['人类免疫缺陷病毒抗体测定', 25, '*', 'I'],
    ['乙型肝炎病毒标志物五项', 60, 'di', 'OI'],
    ['甲胎蛋白测定', 50, 'di on', 'OCI'],
    ['癌胚抗原测定', 50, 'on di re', 'OCI'],
    ['糖类抗原125测定', 60, 'on gy', 'OCI'],
    ['糖类抗原199测定', 60, 'on di', 'OCI'],
    ['前列腺特异性抗原测定', 60, 'um', 'OI', { gend: '1' }],
    ['游离前列腺特异性抗原测定', 60, 'um', 'OI', { gend: '1' }],
    ['类风湿因子测定', 25, 'ms', 'OI'],
    ['抗链球菌溶血素O测定', 25, 'ms pe', 'OI'],
    ['总IgE测定', 50, 'de re pe', 'OI'],
    ['过敏原特异性IgE检测', 150, 'de re pe', 'O'],
    ['人绒毛膜促性腺激素测定', 40, 'gy', 'OEI'],
    ['性激素六项', 150, 'gy', 'OI'],
    ['肺炎支原体抗体测定', 40, 'pe re', 'OEI'],
  ]),
  // Microbiology, cytology, molecular tests
  ...services('0025', 5, '04', 'lab', [
    ['甲型/乙型流感病毒抗原检测', 60, 're pe', 'OE'],
    ['呼吸道合胞病毒抗原检测', 60, 'pe', 'OEI'],
    ['轮状病毒抗原检测', 40, 'pe', 'OEI'],
    ['肠道病毒EV71抗体检测', 50, 'pe', 'OI'],
    ['一般细菌培养及鉴定', 80, 're um np', 'OI'],
    ['血培养及鉴定', 100, 're np pe', 'EI'],
    ['尿培养及鉴定', 80, 'um np', 'OI'],
    ['真菌镜检', 15, 'de gy', 'O'],
    ['宫颈液基细胞学检查', 180, 'gy', 'OI', { gend: '2' }],
    ['人乳头瘤病毒核酸检测', 200, 'gy', 'OI', { gend: '2' }],
    ['乙型肝炎病毒DNA定量', 150, 'di', 'OI'],
  ]),
];
