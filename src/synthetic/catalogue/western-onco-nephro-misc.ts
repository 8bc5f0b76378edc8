/**
 * Western drugs (09): skin, eye and ENT drugs, oncology, nephrology, infusion solutions and other hospital drugs.
 * One row per product: [drug group, ATC level 4, groups, settings, name, price, flags, restrictions]; see helpers.ts.
 * Targeted and costly drugs carry 限适应症 (lmtDisePrefixes); they are not sold by pharmacies here, since
 * pharmacy purchases carry no diagnosis.
 */
import type { CatalogueItem } from '../model.js';
import { westernDrugs } from './helpers.js';

export const WESTERN_ONCO_NEPHRO_MISC: CatalogueItem[] = westernDrugs([
  // Dermatology
  ['desonide', 'D07AB', 'de', 'OP', '地奈德乳膏 0.05%*15g', 18.6, '2'],
  ['mometasone-topical', 'D07AC', 'de', 'OP', '糠酸莫米松乳膏 0.1%*5g', 15.8, '2'],
  ['mupirocin', 'D06AX', 'de in', 'OEP', '莫匹罗星软膏 2%*5g', 16.5, '2'],
  ['fusidic-acid', 'D06AX', 'de', 'OP', '夫西地酸乳膏 2%*15g', 28.6, '2'],
  ['acyclovir-topical', 'D06BB', 'de', 'OP', '阿昔洛韦乳膏 3%*10g', 5.8, '1', { rx: false }],
  ['minoxidil', 'D11AX', 'de', 'OP', '米诺地尔酊 5%*60ml', 128, '3', { rx: false }],
  ['pregabalin', 'N02BF', 'de en', 'OI', '普瑞巴林胶囊 75mg*8粒', 26.5, '2c', { dise: 'B02 E11' }],

  // Eye and ENT
  ['levofloxacin-ophthalmic', 'S01AE', 'de', 'OEP', '左氧氟沙星滴眼液 5ml:24.4mg', 18.6, '2'],
  ['tobramycin-dexamethasone', 'S01CA', 'de', 'OI', '妥布霉素地塞米松滴眼液 5ml', 28.5, '2'],
  ['hyaluronate-ophthalmic', 'S01XA', 'de', 'OP', '玻璃酸钠滴眼液 0.1%*5ml', 32.6, '2'],
  ['pranoprofen', 'S01BC', 'de', 'OI', '普拉洛芬滴眼液 5ml:5mg', 24.8, '2'],
  ['mometasone-nasal', 'R01AD', 'de', 'OP', '糠酸莫米松鼻喷雾剂 50μg*60揿', 68.5, '2'],
  ['budesonide-nasal', 'R01AD', 'de', 'OP', '布地奈德鼻喷雾剂 64μg*120喷', 58, '2'],
  ['azelastine', 'R01AC', 'de', 'OP', '盐酸氮卓斯汀鼻喷雾剂 10ml:10mg', 36.5, '2'],
  ['ofloxacin-otic', 'S02AA', 'de', 'OP', '氧氟沙星滴耳液 5ml:15mg', 6.8, '1'],

  // Oncology: targeted, oral chemotherapy, hormones, analgesics, supportive care
  ['gefitinib', 'L01EB', 'on', 'OCI', '吉非替尼片 0.25g*10片', 55, '2c', { dise: 'C34' }],
  ['osimertinib', 'L01EB', 'on', 'OCI', '甲磺酸奥希替尼片 80mg*30片', 4920, '2c', { dise: 'C34', cnt: [1, 1] }],
  ['icotinib', 'L01EB', 'on', 'OCI', '盐酸埃克替尼片 125mg*21片', 1188, '2c', { dise: 'C34', cnt: [1, 2] }],
  ['capecitabine', 'L01BC', 'on', 'OCIP', '卡培他滨片 0.5g*12片', 25.6, '2c'],
  ['tegafur-gimeracil-oteracil', 'L01BC', 'on', 'OCIP', '替吉奥胶囊 20mg*42粒', 168, '2c'],
  ['megestrol', 'L02AB', 'on', 'OCIP', '醋酸甲地孕酮分散片 160mg*12片', 78, '2'],
  ['letrozole', 'L02BG', 'on', 'OCIP', '来曲唑片 2.5mg*10片', 15.6, '2c'],
  ['oxycodone', 'N02AA', 'on', 'OCI', '盐酸羟考酮缓释片 10mg*10片', 58.6, '2'],
  ['morphine', 'N02AA', 'on', 'OCI', '硫酸吗啡缓释片 30mg*10片', 32.5, '1'],
  ['fentanyl', 'N02AB', 'on', 'OCI', '芬太尼透皮贴剂 4.2mg*5贴', 268, '2', { cnt: [1, 2] }],
  ['ondansetron', 'A04AA', 'on', 'I', '盐酸昂丹司琼注射液 4ml:8mg', 8.5, '2'],
  ['oxaliplatin', 'L01XA', 'on', 'I', '注射用奥沙利铂 50mg', 168, '2c', { dise: 'C16 C18 C20' }],
  ['cisplatin', 'L01XA', 'on', 'I', '顺铂注射液 6ml:30mg', 16.8, '1'],
  ['paclitaxel', 'L01CD', 'on', 'I', '紫杉醇注射液 5ml:30mg', 98, '2', { dise: 'C34 C16' }],
  ['pemetrexed', 'L01BA', 'on', 'I', '注射用培美曲塞二钠 0.5g', 350, '2c', { dise: 'C34' }],
  ['bevacizumab', 'L01FG', 'on', 'I', '贝伐珠单抗注射液 100mg/4ml', 1198, '2c', { hosp: 2, dise: 'C34 C18 C20' }],
  ['filgrastim', 'L03AA', 'on', 'OI', '重组人粒细胞刺激因子注射液 150μg', 68, '2'],

  // Nephrology
  ['ketoanalogues', 'V06DD', 'np', 'OCIP', '复方α-酮酸片 0.63g*100片', 268, '2c'],
  ['epoetin', 'B03XA', 'np', 'OCI', '重组人促红素注射液 10000IU', 158, '2c', { dise: 'N18', cnt: [1, 4] }],
  ['epoetin', 'B03XA', 'np', 'OCI', '重组人促红素注射液 3000IU', 48, '2c', { dise: 'N18', cnt: [1, 4] }],
  ['sevelamer', 'V03AE', 'np', 'OCI', '碳酸司维拉姆片 0.8g*36片', 268, '2', { dise: 'N18' }],
  ['lanthanum', 'V03AE', 'np', 'OCI', '碳酸镧咀嚼片 0.5g*20片', 158, '2', { dise: 'N18' }],
  ['iron-sucrose', 'B03AC', 'np', 'CI', '蔗糖铁注射液 5ml:100mg', 48, '2'],
  ['polysaccharide-iron', 'B03AB', 'np gy', 'OCIP', '多糖铁复合物胶囊 0.15g*10粒', 22.5, '2'],
  ['sodium-bicarbonate', 'A02AH', 'np', 'OCIP', '碳酸氢钠片 0.5g*100片', 4.5, '1', { rx: false }],
  ['prednisone', 'H02AB', 'np re de', 'OCIP', '醋酸泼尼松片 5mg*100片', 9.8, '1'],
  ['methylprednisolone', 'H02AB', 'np re', 'OIP', '甲泼尼龙片 4mg*30片', 32.6, '2'],
  ['methylprednisolone', 'H02AB', 're np ne', 'EI', '注射用甲泼尼龙琥珀酸钠 40mg', 18.6, '2c'],
  ['tacrolimus', 'L04AD', 'np', 'OCIP', '他克莫司胶囊 0.5mg*50粒', 256, '2'],
  ['mycophenolate', 'L04AA', 'np', 'OCIP', '吗替麦考酚酯胶囊 0.25g*40粒', 168, '2'],
  ['peritoneal-dialysis-solution', 'B05DB', 'np', 'CI', '腹膜透析液(乳酸盐-G1.5%) 2L', 22.5, '2', { med: '14|21', cnt: [2, 8] }],

  // Infusion solutions and common hospital drugs
  ['sodium-chloride', 'B05BB', '*', 'OEI', '0.9%氯化钠注射液 100ml', 2.8, '1c'],
  ['sodium-chloride', 'B05BB', '*', 'OEI', '0.9%氯化钠注射液 250ml', 3.2, '1c'],
  ['sodium-chloride', 'B05BB', '*', 'OEI', '0.9%氯化钠注射液 500ml', 4.5, '1c'],
  ['glucose', 'B05BA', '*', 'OEI', '5%葡萄糖注射液 250ml', 3.1, '1c'],
  ['glucose', 'B05BA', '*', 'OEI', '10%葡萄糖注射液 500ml', 4.8, '1'],
  ['glucose-sodium-chloride', 'B05BB', '*', 'EI', '葡萄糖氯化钠注射液 500ml', 4.6, '1'],
  ['potassium-chloride', 'B05XA', 're di np ne', 'EI', '10%氯化钾注射液 10ml:1g', 0.9, '1'],
  ['dexamethasone', 'H02AB', 're de pe ms', 'EI', '地塞米松磷酸钠注射液 1ml:5mg', 0.8, '1'],
  ['lidocaine', 'N01BB', 'in de ms', 'OEI', '盐酸利多卡因注射液 5ml:0.1g', 1.2, '1'],
  ['tranexamic-acid', 'B02AA', 'in gy di', 'EI', '氨甲环酸注射液 5ml:0.5g', 4.8, '1'],
  ['phytomenadione', 'B02BA', 'gy di', 'I', '维生素K1注射液 1ml:10mg', 1.5, '1'],
]);
