/**
 * Western drugs (09): anti-infectives, respiratory drugs, antihistamines, analgesic/antipyretic OTC drugs.
 * One row per product: [drug group, ATC level 4, groups, settings, name, price, flags, restrictions]; see helpers.ts.
 * Oral antibiotics carry 限支付疗程 (maxDays 7, 14 where eradication or long courses are usual); quinolones
 * are 限18岁以上; the paediatric forms 限14岁以下 (lmtAgeMax 14).
 */
import type { CatalogueItem } from '../model.js';
import { westernDrugs } from './helpers.js';

export const WESTERN_ANTI_INFECTIVE_RESP: CatalogueItem[] = westernDrugs([
  // Penicillins, cephalosporins, carbapenems
  ['amoxicillin', 'J01CA', 're pe de um di', 'OEIP', '阿莫西林胶囊 0.25g*24粒', 6.8, '1c', { maxDays: 14 }],
  ['amoxicillin', 'J01CA', 're pe de um di', 'OEIP', '阿莫西林胶囊 0.5g*24粒', 11.6, '1c', { maxDays: 14 }],
  ['amoxicillin', 'J01CA', 'pe', 'OEI', '阿莫西林颗粒 0.125g*12袋', 8.5, '1', { maxDays: 7 }],
  ['amoxicillin-clavulanate', 'J01CR', 're pe de um', 'OEI', '阿莫西林克拉维酸钾片 0.375g*12片', 16.8, '1c', { maxDays: 7 }],
  ['amoxicillin-clavulanate', 'J01CR', 're pe de um', 'OEI', '阿莫西林克拉维酸钾干混悬剂 228.5mg*6袋', 18.6, '2', { maxDays: 7 }],
  ['cefuroxime', 'J01DC', 're um de', 'OEI', '头孢呋辛酯片 0.25g*12片', 18.5, '1c', { maxDays: 7 }],
  ['cefaclor', 'J01DC', 're pe', 'OEI', '头孢克洛胶囊 0.25g*12粒', 15.6, '1c', { maxDays: 7 }],
  ['cefaclor', 'J01DC', 're pe', 'OEI', '头孢克洛干混悬剂 0.125g*6袋', 12.8, '2', { maxDays: 7 }],
  ['cefixime', 'J01DD', 're um pe', 'OEI', '头孢克肟分散片 0.1g*6片', 14.2, '2c', { maxDays: 7 }],
  ['cefdinir', 'J01DD', 're pe de', 'OEI', '头孢地尼胶囊 0.1g*6粒', 18.9, '2c', { maxDays: 7 }],
  ['ceftriaxone', 'J01DD', 're pe um np di', 'I', '注射用头孢曲松钠 1.0g', 4.6, '1c', { med: '21' }],
  ['cefoperazone-sulbactam', 'J01DD', 're di um np on', 'I', '注射用头孢哌酮钠舒巴坦钠 1.5g', 22.8, '2c', { med: '21' }],
  ['cefazolin', 'J01DB', 'in ms di gy um de', 'EI', '注射用头孢唑林钠 1.0g', 3.2, '1c'],
  ['ceftazidime', 'J01DD', 're np', 'I', '注射用头孢他啶 1.0g', 9.8, '2c'],
  ['piperacillin-tazobactam', 'J01CR', 're di np on', 'I', '注射用哌拉西林钠他唑巴坦钠 4.5g', 26.5, '2c'],
  ['meropenem', 'J01DH', 're np on', 'I', '注射用美罗培南 0.5g', 38.6, '2c', { hosp: 2 }],
  ['vancomycin', 'J01XA', 're np in', 'I', '注射用盐酸万古霉素 0.5g', 52.3, '2', { hosp: 2 }],
  ['linezolid', 'J01XX', 're in', 'I', '利奈唑胺葡萄糖注射液 300ml:600mg', 156, '2'],

  // Macrolides, quinolones, others
  ['azithromycin', 'J01FA', 're pe de', 'OEI', '阿奇霉素片 0.25g*6片', 12.6, '1c', { maxDays: 7 }],
  ['azithromycin', 'J01FA', 're pe de', 'OEI', '阿奇霉素干混悬剂 0.1g*6袋', 14.8, '1', { maxDays: 7 }],
  ['azithromycin', 'J01FA', 're pe', 'EI', '注射用阿奇霉素 0.5g', 8.6, '1'],
  ['clarithromycin', 'J01FA', 're di', 'OEI', '克拉霉素片 0.25g*6片', 13.5, '2c', { maxDays: 14 }],
  ['levofloxacin', 'J01MA', 're um np', 'OEI', '左氧氟沙星片 0.5g*4片', 9.6, '1c', { ageMin: 18, maxDays: 14 }],
  ['levofloxacin', 'J01MA', 're um np', 'OEI', '盐酸左氧氟沙星胶囊 0.1g*12粒', 8.2, '2', { ageMin: 18, maxDays: 14 }],
  ['levofloxacin', 'J01MA', 're um np', 'EI', '左氧氟沙星氯化钠注射液 100ml:0.5g', 15.8, '2c', { ageMin: 18 }],
  ['moxifloxacin', 'J01MA', 're', 'OEI', '盐酸莫西沙星片 0.4g*3片', 28.5, '2c', { ageMin: 18, maxDays: 14 }],
  ['moxifloxacin', 'J01MA', 're', 'I', '盐酸莫西沙星氯化钠注射液 250ml:0.4g', 68, '2', { ageMin: 18 }],
  ['ciprofloxacin', 'J01MA', 'um np di', 'OEI', '盐酸环丙沙星片 0.25g*12片', 6.5, '1', { ageMin: 18, maxDays: 7 }],
  ['metronidazole', 'P01AB', 'di gy de', 'OEI', '甲硝唑片 0.2g*100片', 6.2, '1c', { maxDays: 7 }],
  ['metronidazole', 'J01XD', 'di gy in', 'EI', '甲硝唑氯化钠注射液 100ml:0.5g', 3.8, '1c'],
  ['ornidazole', 'P01AB', 'di gy', 'OEI', '奥硝唑片 0.25g*12片', 15.6, '2c', { maxDays: 7 }],
  ['nitrofurantoin', 'J01XE', 'um np', 'OE', '呋喃妥因肠溶片 50mg*100片', 8.6, '1', { maxDays: 7 }],
  ['fosfomycin', 'J01XX', 'um np', 'OEP', '磷霉素氨丁三醇散 3g*1袋', 28.6, '2', { maxDays: 3, sd: [1, 3] }],
  ['minocycline', 'J01AA', 'de', 'O', '盐酸米诺环素胶囊 50mg*10粒', 22.5, '2', { maxDays: 14 }],
  ['fluconazole', 'J02AC', 'de gy', 'OI', '氟康唑胶囊 150mg*2粒', 12.8, '2', { maxDays: 7 }],

  // Antivirals
  ['oseltamivir', 'J05AH', 're pe', 'OEI', '磷酸奥司他韦胶囊 75mg*10粒', 38.5, '2c', { dise: 'J10 J11', maxDays: 5, sd: [3, 5] }],
  ['oseltamivir', 'J05AH', 're pe', 'OEI', '磷酸奥司他韦颗粒 15mg*10袋', 28.6, '2c', { dise: 'J10 J11', maxDays: 5, sd: [3, 5] }],
  ['acyclovir', 'J05AB', 'de', 'OI', '阿昔洛韦片 0.2g*24片', 9.8, '1', { maxDays: 7 }],
  ['acyclovir', 'J05AB', 'de', 'I', '注射用阿昔洛韦 0.25g', 6.8, '1'],
  ['valaciclovir', 'J05AB', 'de', 'OI', '盐酸伐昔洛韦片 0.3g*6片', 16.5, '2', { maxDays: 7 }],
  ['entecavir', 'J05AF', 'di', 'OI', '恩替卡韦分散片 0.5mg*7片', 2.8, '2c', { dise: 'B18 K74' }],
  ['entecavir', 'J05AF', 'di', 'OI', '恩替卡韦片(博路定) 0.5mg*7片', 98, '2', { dise: 'B18 K74' }],
  ['tenofovir', 'J05AF', 'di', 'OI', '富马酸替诺福韦二吡呋酯片 300mg*30片', 18.6, '2c', { dise: 'B18' }],
  ['immunoglobulin', 'J06BA', 'pe ne', 'I', '静注人免疫球蛋白(pH4) 2.5g', 798, '2c', { med: '21' }],

  // Asthma and COPD
  ['salmeterol-fluticasone', 'R03AK', 're', 'OCIP', '沙美特罗替卡松吸入粉雾剂 50μg/250μg*60吸', 168, '2c', { cnt: [1, 2] }],
  ['salmeterol-fluticasone', 'R03AK', 're', 'OCIP', '沙美特罗替卡松吸入粉雾剂 50μg/500μg*60吸', 215, '2c', { cnt: [1, 2] }],
  ['budesonide-formoterol', 'R03AK', 're', 'OCIP', '布地奈德福莫特罗吸入粉雾剂(Ⅱ) 160μg/4.5μg*60吸', 186, '2c', { cnt: [1, 2] }],
  ['tiotropium', 'R03BB', 're', 'OCIP', '噻托溴铵吸入粉雾剂 18μg*30粒', 168, '2c', { cnt: [1, 2] }],
  ['salbutamol', 'R03AC', 're pe', 'OECIP', '硫酸沙丁胺醇吸入气雾剂 100μg*200揿', 26.5, '1', { cnt: [1, 1] }],
  ['budesonide-inhaled', 'R03BA', 're pe', 'OEI', '吸入用布地奈德混悬液 2ml:1mg', 5.6, '1c', { cnt: [2, 6] }],
  ['ipratropium', 'R03BB', 're', 'EI', '吸入用异丙托溴铵溶液 2ml:500μg', 4.8, '2', { cnt: [2, 6] }],
  ['montelukast', 'R03DC', 're de', 'OCIP', '孟鲁司特钠片 10mg*5片', 18.5, '2c'],
  ['montelukast', 'R03DC', 'pe', 'OEI', '孟鲁司特钠咀嚼片 4mg*5片', 15.8, '2c', { ageMax: 14 }],
  ['theophylline', 'R03DA', 're', 'OCIP', '茶碱缓释片 0.1g*24片', 8.6, '1c'],
  ['doxofylline', 'R03DA', 're', 'EI', '多索茶碱注射液 10ml:0.1g', 12.5, '2'],

  // Cough and expectorants
  ['ambroxol', 'R05CB', 're pe', 'OEIP', '盐酸氨溴索片 30mg*20片', 6.8, '1c', { rx: false }],
  ['ambroxol', 'R05CB', 're pe', 'OEIP', '盐酸氨溴索口服溶液 100ml:0.6g', 14.5, '2', { rx: false }],
  ['ambroxol', 'R05CB', 're pe', 'EI', '盐酸氨溴索注射液 2ml:15mg', 3.5, '2c'],
  ['acetylcysteine', 'R05CB', 're', 'OEIP', '乙酰半胱氨酸泡腾片 0.6g*10片', 28.6, '2'],
  ['carbocisteine', 'R05CB', 're', 'OEIP', '羧甲司坦口服溶液 10ml:0.5g*10支', 15.6, '2', { rx: false }],
  ['dextromethorphan', 'R05DA', 're', 'OEP', '氢溴酸右美沙芬片 15mg*24片', 8.5, '2', { rx: false }],

  // Antihistamines
  ['loratadine', 'R06AX', 'de re', 'OEIP', '氯雷他定片 10mg*6片', 18.6, '1', { rx: false }],
  ['cetirizine', 'R06AE', 'de re', 'OEP', '盐酸西替利嗪片 10mg*12片', 15.8, '1', { rx: false }],
  ['ebastine', 'R06AX', 'de', 'OP', '依巴斯汀片 10mg*10片', 32.5, '2'],
  ['desloratadine', 'R06AX', 'de pe', 'OP', '地氯雷他定干混悬剂 2.5mg*6袋', 23.8, '3', { rx: false }],

  // Antipyretics and cold remedies (OTC)
  ['paracetamol', 'N02BE', '*', 'OEIP', '对乙酰氨基酚片 0.5g*12片', 2.5, '1', { rx: false }],
  ['paracetamol', 'N02BE', 'pe', 'OEP', '对乙酰氨基酚混悬滴剂 15ml:1.5g', 16.8, '1', { rx: false, ageMax: 14 }],
  ['ibuprofen', 'M01AE', '*', 'OEIP', '布洛芬缓释胶囊 0.3g*20粒', 12.6, '1', { rx: false }],
  ['ibuprofen', 'M01AE', 'pe', 'OEP', '布洛芬混悬液 100ml:2g', 18.5, '2', { rx: false, ageMax: 14 }],
  ['paracetamol-amantadine', 'N02BE', 're', 'OEP', '复方氨酚烷胺片 12片', 9.8, '3', { rx: false }],
  ['paracetamol-chlorphenamine', 'N02BE', 'pe', 'OEP', '小儿氨酚黄那敏颗粒 6g*10袋', 12.8, '1', { rx: false, ageMax: 14 }],
  ['ascorbic-acid', 'A11GA', '*', 'OEIP', '维生素C片 0.1g*100片', 3.5, '1', { rx: false }],
  ['multivitamin', 'A11AA', '*', 'P', '多维元素片(29) 60片', 89, '3', { rx: false }],
  ['zinc-gluconate', 'A12CB', 'pe', 'OP', '葡萄糖酸锌口服溶液 10ml*12支', 28.6, '3', { rx: false }],
]);
