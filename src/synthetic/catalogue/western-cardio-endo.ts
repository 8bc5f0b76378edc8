/**
 * Western drugs (09): cardiovascular, antithrombotic, lipid-lowering and endocrine/metabolic drugs.
 * Rows: west(drug group, ATC level 4, groups, settings, [[name, price, flags]], extra) — see helpers.ts.
 * Prices are usual retail prices in 元; 'c' marks a 医保支付标准 (often the 集采 price).
 */
import type { CatalogueItem } from '../model.js';
import { west } from './helpers.js';

export const WESTERN_CARDIO_ENDO: CatalogueItem[] = [
  // Antihypertensives
  ...west('amlodipine', 'C08CA', 'cv', 'OCIP', [
    ['苯磺酸氨氯地平片 5mg*7片', 3.2, '1c'],
    ['苯磺酸氨氯地平片 5mg*28片', 11.5, '1c'],
    ['苯磺酸氨氯地平片(络活喜) 5mg*7片', 28.6, '1'],
  ]),
  ...west('levamlodipine', 'C08CA', 'cv', 'OCIP', [['马来酸左氨氯地平片 2.5mg*14片', 9.8, '2c']]),
  ...west('nifedipine', 'C08CA', 'cv', 'OCIP', [
    ['硝苯地平控释片 30mg*7片', 32.5, '2c'],
    ['硝苯地平缓释片(Ⅱ) 20mg*30片', 8.6, '1c'],
  ]),
  ...west('felodipine', 'C08CA', 'cv', 'OCIP', [['非洛地平缓释片 5mg*10片', 12.4, '2c']]),
  ...west('irbesartan', 'C09CA', 'cv np', 'OCIP', [
    ['厄贝沙坦片 150mg*7片', 4.9, '1c'],
    ['厄贝沙坦片(安博维) 150mg*7片', 33.8, '1'],
  ]),
  ...west('valsartan', 'C09CA', 'cv np', 'OCIP', [['缬沙坦胶囊 80mg*14粒', 12.6, '1c']]),
  ...west('losartan', 'C09CA', 'cv np', 'OCIP', [
    ['氯沙坦钾片 50mg*7片', 6.3, '1c'],
    ['氯沙坦钾片(科素亚) 100mg*7片', 45.2, '1'],
  ]),
  ...west('telmisartan', 'C09CA', 'cv', 'OCIP', [['替米沙坦片 40mg*14片', 8.9, '2c']]),
  ...west('olmesartan', 'C09CA', 'cv', 'OCIP', [['奥美沙坦酯片 20mg*7片', 11.2, '2c']]),
  ...west('irbesartan-hctz', 'C09DA', 'cv', 'OCIP', [['厄贝沙坦氢氯噻嗪片 150mg/12.5mg*7片', 9.6, '2c']]),
  ...west(
    'sacubitril-valsartan',
    'C09DX',
    'cv',
    'OCI',
    [
      ['沙库巴曲缬沙坦钠片 100mg*14片', 118, '2c'],
      ['沙库巴曲缬沙坦钠片 50mg*14片', 68, '2c'],
    ],
    { dise: 'I50' },
  ),
  ...west('enalapril', 'C09AA', 'cv', 'OCIP', [['马来酸依那普利片 10mg*16片', 3.8, '1c']]),
  ...west('benazepril', 'C09AA', 'cv np', 'OCIP', [['盐酸贝那普利片 10mg*14片', 26.5, '2c']]),
  ...west('perindopril', 'C09AA', 'cv', 'OCIP', [['培哚普利叔丁胺片 4mg*10片', 32, '2c']]),
  ...west('metoprolol', 'C07AB', 'cv', 'OCIP', [
    ['酒石酸美托洛尔片 25mg*20片', 3.6, '1c'],
    ['琥珀酸美托洛尔缓释片 47.5mg*7片', 18.9, '2c'],
  ]),
  ...west('bisoprolol', 'C07AB', 'cv', 'OCIP', [['富马酸比索洛尔片 5mg*10片', 14.8, '1c']]),
  ...west('carvedilol', 'C07AG', 'cv', 'OCIP', [['卡维地洛片 10mg*14片', 15.6, '2c']]),
  ...west('hydrochlorothiazide', 'C03AA', 'cv', 'OCIP', [['氢氯噻嗪片 25mg*100片', 5.5, '1c']]),
  ...west('indapamide', 'C03BA', 'cv', 'OCIP', [['吲达帕胺缓释片 1.5mg*10片', 9.2, '1c']]),
  ...west('furosemide', 'C03CA', 'cv np', 'OCIP', [['呋塞米片 20mg*100片', 6.8, '1c']]),
  ...west('furosemide', 'C03CA', 'cv np', 'EI', [['呋塞米注射液 2ml:20mg', 0.9, '1c']]),
  ...west('torasemide', 'C03CA', 'cv np', 'OCIP', [['托拉塞米片 10mg*14片', 22.4, '2c']]),
  ...west('spironolactone', 'C03DA', 'cv np di', 'OCIP', [['螺内酯片 20mg*100片', 7.2, '1c']]),

  // Lipid-lowering
  ...west('atorvastatin', 'C10AA', 'cv en ne', 'OCIP', [
    ['阿托伐他汀钙片 20mg*7片', 6.5, '1c'],
    ['阿托伐他汀钙片(立普妥) 20mg*7片', 51.3, '1'],
    ['阿托伐他汀钙片 10mg*14片', 8.9, '1c'],
  ]),
  ...west('rosuvastatin', 'C10AA', 'cv en ne', 'OCIP', [
    ['瑞舒伐他汀钙片 10mg*7片', 4.2, '1c'],
    ['瑞舒伐他汀钙片(可定) 10mg*7片', 46.8, '1'],
  ]),
  ...west('simvastatin', 'C10AA', 'cv en', 'OCIP', [['辛伐他汀片 20mg*10片', 5.6, '1c']]),
  ...west('pitavastatin', 'C10AA', 'cv en', 'OCIP', [['匹伐他汀钙片 2mg*7片', 22.5, '2c']]),
  ...west('ezetimibe', 'C10AX', 'cv en', 'OCIP', [['依折麦布片 10mg*10片', 38.6, '2c']]),
  ...west('fenofibrate', 'C10AB', 'en cv', 'OCIP', [['非诺贝特胶囊(Ⅱ) 0.2g*10粒', 24.5, '2c']]),

  // Antithrombotics
  ...west('aspirin', 'B01AC', 'cv ne en', 'OCIP', [
    ['阿司匹林肠溶片 100mg*30片', 15.4, '1c'],
    ['阿司匹林肠溶片(拜阿司匹灵) 100mg*30片', 16.8, '1'],
  ]),
  ...west('clopidogrel', 'B01AC', 'cv ne', 'OCIP', [
    ['硫酸氢氯吡格雷片 75mg*7片', 7.6, '1c'],
    ['硫酸氢氯吡格雷片(波立维) 75mg*7片', 97.5, '1'],
  ]),
  ...west('ticagrelor', 'B01AC', 'cv', 'OCI', [['替格瑞洛片 90mg*14片', 52.8, '2c']], { dise: 'I20 I21 I25' }),
  ...west(
    'rivaroxaban',
    'B01AF',
    'cv in',
    'OCI',
    [
      ['利伐沙班片 10mg*5片', 24.5, '2c'],
      ['利伐沙班片 20mg*7片', 36.9, '2c'],
    ],
    { dise: 'I48 S72' },
  ),
  ...west('dabigatran', 'B01AE', 'cv', 'OCI', [['达比加群酯胶囊 110mg*10粒', 89, '2']], { dise: 'I48' }),
  ...west('warfarin', 'B01AA', 'cv', 'OCIP', [['华法林钠片 2.5mg*60片', 18.5, '1c']]),
  ...west('enoxaparin', 'B01AB', 'cv ne in', 'EI', [['依诺肝素钠注射液 0.4ml:4000AXaIU', 32.5, '2c']]),
  ...west('nadroparin', 'B01AB', 'cv np', 'I', [['低分子量肝素钙注射液 0.4ml:4100IU', 28.6, '2c']]),
  ...west('alteplase', 'B01AD', 'ne cv', 'EI', [['注射用阿替普酶 50mg', 4980, '2c']], { hosp: 2, dise: 'I63 I21' }),

  // Antianginal, antiarrhythmic, heart failure, vasopressors
  ...west('isosorbide-mononitrate', 'C01DA', 'cv', 'OCIP', [['单硝酸异山梨酯缓释片 40mg*24片', 26.4, '1c']]),
  ...west('nitroglycerin', 'C01DA', 'cv', 'OCIP', [['硝酸甘油片 0.5mg*100片', 12.5, '1c']]),
  ...west('nitroglycerin', 'C01DA', 'cv', 'EI', [['硝酸甘油注射液 1ml:5mg', 4.8, '1']]),
  ...west('nicorandil', 'C01DX', 'cv', 'OCIP', [['尼可地尔片 5mg*30片', 68, '2c']]),
  ...west('trimetazidine', 'C01EB', 'cv', 'OCIP', [['盐酸曲美他嗪缓释片 35mg*30片', 45.6, '2c']]),
  ...west('digoxin', 'C01AA', 'cv', 'OCIP', [['地高辛片 0.25mg*100片', 12.2, '1c']]),
  ...west('amiodarone', 'C01BD', 'cv', 'OCIP', [['盐酸胺碘酮片 0.2g*10片', 19.8, '1c']]),
  ...west('amiodarone', 'C01BD', 'cv', 'EI', [['盐酸胺碘酮注射液 3ml:150mg', 22.6, '1c']]),
  ...west('nesiritide', 'C01DX', 'cv', 'I', [['注射用重组人脑利钠肽 0.5mg', 398, '2c']], { hosp: 2, med: '21' }),
  ...west('dopamine', 'C01CA', 'cv', 'EI', [['盐酸多巴胺注射液 2ml:20mg', 2.1, '1']]),
  ...west('norepinephrine', 'C01CA', 'cv', 'EI', [['重酒石酸去甲肾上腺素注射液 1ml:2mg', 6.5, '1']]),
  ...west('epinephrine', 'C01CA', 'cv re de', 'EI', [['盐酸肾上腺素注射液 1ml:1mg', 3.2, '1']]),
  ...west('coenzyme-q10', 'C01EB', 'cv', 'OP', [['辅酶Q10胶囊 10mg*60粒', 28, '3']], { rx: false }),

  // Diabetes
  ...west('metformin', 'A10BA', 'en', 'OCIP', [
    ['盐酸二甲双胍片 0.5g*20片', 2.8, '1c'],
    ['盐酸二甲双胍片(格华止) 0.5g*20片', 19.6, '1'],
    ['盐酸二甲双胍缓释片 0.5g*30片', 12.6, '1c'],
  ]),
  ...west('glimepiride', 'A10BB', 'en', 'OCIP', [['格列美脲片 2mg*30片', 14.5, '1c']]),
  ...west('gliclazide', 'A10BB', 'en', 'OCIP', [['格列齐德缓释片 30mg*30片', 28.6, '1c']]),
  ...west('acarbose', 'A10BF', 'en', 'OCIP', [
    ['阿卡波糖片 50mg*30片', 7.8, '1c'],
    ['阿卡波糖片(拜糖平) 50mg*30片', 56.6, '1'],
  ]),
  ...west('sitagliptin', 'A10BH', 'en', 'OCI', [['磷酸西格列汀片 100mg*7片', 19.5, '2c']], { dise: 'E11' }),
  ...west('linagliptin', 'A10BH', 'en', 'OCI', [['利格列汀片 5mg*7片', 24.6, '2c']], { dise: 'E11' }),
  ...west('dapagliflozin', 'A10BK', 'en', 'OCI', [['达格列净片 10mg*14片', 62.3, '2c']], { dise: 'E11' }),
  ...west('empagliflozin', 'A10BK', 'en', 'OCI', [['恩格列净片 10mg*10片', 48.5, '2c']], { dise: 'E11' }),
  ...west('pioglitazone', 'A10BG', 'en', 'OCIP', [['盐酸吡格列酮片 15mg*14片', 18.9, '2c']]),
  ...west('repaglinide', 'A10BX', 'en', 'OCIP', [['瑞格列奈片 1mg*30片', 25.6, '2c']]),
  ...west('insulin-aspart', 'A10AB', 'en', 'OCIP', [['门冬胰岛素注射液 3ml:300单位(笔芯)', 45.8, '2c']], { cnt: [1, 5] }),
  ...west('insulin-human', 'A10AB', 'en', 'EI', [['生物合成人胰岛素注射液 10ml:400IU', 52, '1']], { cnt: [1, 1] }),
  ...west('insulin-glargine', 'A10AE', 'en', 'OCIP', [['甘精胰岛素注射液 3ml:300单位(预填充)', 72.6, '2c']], { cnt: [1, 3] }),
  ...west('insulin-aspart-30', 'A10AD', 'en', 'OCIP', [['门冬胰岛素30注射液 3ml:300单位', 48.6, '2c']], { cnt: [1, 5] }),
  ...west('insulin-human-30r', 'A10AD', 'en', 'OCIP', [['精蛋白生物合成人胰岛素注射液(预混30R) 3ml:300IU', 38.5, '1c']], { cnt: [1, 5] }),
  ...west('liraglutide', 'A10BJ', 'en', 'OCI', [['利拉鲁肽注射液 3ml:18mg', 318, '2c']], { dise: 'E11', cnt: [1, 2] }),
  ...west('dulaglutide', 'A10BJ', 'en', 'OCI', [['度拉糖肽注射液 1.5mg/0.5ml', 195, '2c']], { dise: 'E11', cnt: [1, 4] }),
  ...west('epalrestat', 'A10XA', 'en', 'OCIP', [['依帕司他片 50mg*20片', 32.5, '2c']]),
  ...west('thioctic-acid', 'A16AX', 'en', 'I', [['硫辛酸注射液 6ml:0.15g', 38.6, '2']], { dise: 'E11' }),
  ...west('mecobalamin', 'B03BA', 'en ne ms', 'OCIP', [['甲钴胺片 0.5mg*20片', 18.6, '1c']]),
  ...west('orlistat', 'A08AB', 'en', 'OP', [['奥利司他胶囊 0.12g*21粒', 158, '3']], { rx: false }),

  // Thyroid, gout
  ...west('levothyroxine', 'H03AA', 'en', 'OIP', [['左甲状腺素钠片 50μg*100片', 25.6, '1c']]),
  ...west('thiamazole', 'H03BB', 'en', 'OIP', [['甲巯咪唑片 10mg*50片', 19.2, '1']]),
  ...west('propylthiouracil', 'H03BA', 'en', 'OI', [['丙硫氧嘧啶片 50mg*100片', 16.5, '1']]),
  ...west('allopurinol', 'M04AA', 'en ms', 'OIP', [['别嘌醇片 0.1g*100片', 9.8, '1']]),
  ...west('febuxostat', 'M04AA', 'ms en', 'OI', [['非布司他片 40mg*16片', 36.6, '2c']], { dise: 'M10 E79' }),
  ...west('benzbromarone', 'M04AB', 'ms en', 'OIP', [['苯溴马隆片 50mg*10片', 21.5, '2']]),
  ...west('colchicine', 'M04AC', 'ms', 'OEI', [['秋水仙碱片 0.5mg*20片', 12.5, '1']]),
];
