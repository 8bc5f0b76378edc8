/**
 * Western drugs (09): digestive, neurological, musculoskeletal, gynaecological and urological drugs.
 * Rows: west(drug group, ATC level 4, groups, settings, [[name, price, flags]], extra) — see helpers.ts.
 * Sex-specific drugs are 限女性 / 限男性 and belong only to the gynaecology or male-urology group.
 */
import type { CatalogueItem } from '../model.js';
import { west } from './helpers.js';

export const WESTERN_DIGESTIVE_NEURO: CatalogueItem[] = [
  // Acid-related disorders, motility, diarrhoea, laxatives, liver
  ...west('omeprazole', 'A02BC', 'di', 'OEIP', [
    ['奥美拉唑肠溶胶囊 20mg*14粒', 7.5, '1c'],
    ['奥美拉唑肠溶胶囊(洛赛克) 20mg*14粒', 98, '1'],
  ]),
  ...west('omeprazole', 'A02BC', 'di in ne', 'EI', [['注射用奥美拉唑钠 40mg', 6.8, '2c']]),
  ...west('pantoprazole', 'A02BC', 'di', 'OEI', [['泮托拉唑钠肠溶片 40mg*7片', 12.6, '1c']]),
  ...west('rabeprazole', 'A02BC', 'di', 'OEI', [['雷贝拉唑钠肠溶片 10mg*7片', 4.9, '2c']]),
  ...west('esomeprazole', 'A02BC', 'di', 'OEI', [['艾司奥美拉唑镁肠溶片 20mg*7片', 26.8, '2c']]),
  ...west('esomeprazole', 'A02BC', 'di', 'I', [['注射用艾司奥美拉唑钠 40mg', 19.6, '2']]),
  ...west('hydrotalcite', 'A02AD', 'di', 'OEIP', [['铝碳酸镁咀嚼片 0.5g*20片', 18.6, '1']], { rx: false }),
  ...west('bismuth-potassium-citrate', 'A02BX', 'di', 'OI', [['枸橼酸铋钾胶囊 0.3g*28粒', 22.5, '2']], { maxDays: 14 }),
  ...west('domperidone', 'A03FA', 'di pe', 'OEIP', [['多潘立酮片 10mg*30片', 15.6, '1']], { rx: false }),
  ...west('mosapride', 'A03FA', 'di', 'OIP', [['枸橼酸莫沙必利片 5mg*24片', 26.5, '1c']]),
  ...west('anisodamine', 'A03BA', 'di um', 'EI', [['消旋山莨菪碱注射液 1ml:10mg', 1.2, '1']]),
  ...west('phloroglucinol', 'A03AX', 'di um gy', 'EI', [['间苯三酚注射液 4ml:40mg', 18.5, '2']]),
  ...west('smectite', 'A07BC', 'di pe', 'OEIP', [['蒙脱石散 3g*10袋', 12.6, '1']], { rx: false }),
  ...west('loperamide', 'A07DA', 'di', 'OEP', [['盐酸洛哌丁胺胶囊 2mg*6粒', 9.5, '2']], { rx: false }),
  ...west('bifidobacterium-triple', 'A07FA', 'di pe', 'OEIP', [['双歧杆菌三联活菌胶囊 210mg*24粒', 19.8, '2']], { rx: false }),
  ...west('bacillus-subtilis', 'A07FA', 'pe', 'OEP', [['枯草杆菌二联活菌颗粒 1g*10袋', 22.6, '3']], { rx: false }),
  ...west('oral-rehydration-salts', 'A07CA', 'pe di', 'OEIP', [['口服补液盐散(Ⅲ) 5.125g*6袋', 8.5, '1']], { rx: false }),
  ...west('lactulose', 'A06AD', 'di', 'OIP', [['乳果糖口服溶液 100ml:66.7g', 28.6, '1']], { rx: false }),
  ...west('macrogol', 'A06AD', 'di', 'OIP', [['聚乙二醇4000散 10g*10袋', 32.5, '2']]),
  ...west('glycerol-enema', 'A06AG', 'di pe ne', 'OEIP', [['开塞露(含甘油) 20ml*2支', 2.5, '1']], { rx: false }),
  ...west('ursodeoxycholic-acid', 'A05AA', 'di', 'OIP', [['熊去氧胆酸胶囊 250mg*25粒', 68, '2c']]),
  ...west('polyene-phosphatidylcholine', 'A05BA', 'di on', 'OI', [['多烯磷脂酰胆碱胶囊 228mg*24粒', 45.6, '2c']]),
  ...west('glycyrrhizin', 'A05BA', 'di', 'I', [['复方甘草酸苷注射液 20ml', 9.5, '2']]),
  ...west('glutathione', 'V03AB', 'di on', 'I', [['注射用还原型谷胱甘肽 0.6g', 12.8, '2c']], { dise: 'K74 B18 C22' }),
  ...west('octreotide', 'H01CB', 'di', 'I', [['醋酸奥曲肽注射液 1ml:0.1mg', 56, '2']], { dise: 'K74 K25' }),
  ...west(
    'albumin',
    'B05AA',
    'di on np',
    'I',
    [
      ['人血白蛋白 10g(20%,50ml)', 368, '2c'],
      ['人血白蛋白 5g(20%,25ml)', 198, '2c'],
    ],
    { med: '21', dise: 'K74 C22 N04' },
  ),

  // Stroke, epilepsy, dementia, sleep, vertigo, mood, Parkinson's disease, migraine
  ...west('butylphthalide', 'N07XX', 'ne', 'OI', [['丁苯酞软胶囊 0.1g*24粒', 98, '2']], { dise: 'I63' }),
  ...west('butylphthalide', 'N07XX', 'ne', 'I', [['丁苯酞氯化钠注射液 100ml:25mg', 138, '2c']], { dise: 'I63' }),
  ...west('edaravone', 'N07XX', 'ne', 'I', [['依达拉奉注射液 20ml:30mg', 42.5, '2']], { dise: 'I63' }),
  ...west('citicoline', 'N06BX', 'ne in', 'I', [['胞磷胆碱钠注射液 2ml:0.25g', 4.5, '2']]),
  ...west('mannitol', 'B05BC', 'ne in', 'EI', [['甘露醇注射液 250ml:50g', 6.5, '1']]),
  ...west('nimodipine', 'C08CA', 'ne', 'OI', [['尼莫地平片 30mg*20片', 8.6, '1']]),
  ...west('levetiracetam', 'N03AX', 'ne pe', 'OIP', [['左乙拉西坦片 0.5g*30片', 45.8, '1c']]),
  ...west('valproate', 'N03AG', 'ne pe', 'OIP', [['丙戊酸钠缓释片 0.5g*30片', 38.6, '1c']]),
  ...west('carbamazepine', 'N03AF', 'ne', 'OI', [['卡马西平片 0.1g*100片', 15.2, '1']]),
  ...west('oxcarbazepine', 'N03AF', 'ne', 'OIP', [['奥卡西平片 0.3g*50片', 98.5, '2']]),
  ...west('donepezil', 'N06DA', 'ne', 'OIP', [['盐酸多奈哌齐片 5mg*7片', 12.8, '2c']]),
  ...west('memantine', 'N06DX', 'ne', 'OIP', [['盐酸美金刚片 10mg*28片', 68, '2']]),
  ...west('estazolam', 'N05CD', 'ne', 'OI', [['艾司唑仑片 1mg*20片', 3.2, '1']], { maxDays: 7 }),
  ...west('zolpidem', 'N05CF', 'ne', 'OI', [['酒石酸唑吡坦片 10mg*10片', 28.6, '2']], { maxDays: 7 }),
  ...west('eszopiclone', 'N05CF', 'ne', 'OI', [['右佐匹克隆片 3mg*6片', 22.5, '2']], { maxDays: 7 }),
  ...west('flunarizine', 'N07CA', 'ne', 'OIP', [['盐酸氟桂利嗪胶囊 5mg*20粒', 6.8, '1']]),
  ...west('betahistine', 'N07CA', 'ne', 'OEIP', [['甲磺酸倍他司汀片 6mg*100片', 19.6, '2']]),
  ...west('sertraline', 'N06AB', 'ne', 'OIP', [['盐酸舍曲林片 50mg*14片', 25.6, '1c']]),
  ...west('escitalopram', 'N06AB', 'ne', 'OIP', [['草酸艾司西酞普兰片 10mg*7片', 15.8, '2c']]),
  ...west('levodopa-benserazide', 'N04BA', 'ne', 'OIP', [['多巴丝肼片 0.25g*40片', 58.6, '1c']]),
  ...west('pramipexole', 'N04BC', 'ne', 'OIP', [['盐酸普拉克索片 0.25mg*30片', 36.5, '2c']]),
  ...west('rizatriptan', 'N02CC', 'ne', 'OP', [['苯甲酸利扎曲普坦片 10mg*3片', 36.8, '2']]),

  // Musculoskeletal: NSAIDs, muscle relaxants, bone
  ...west('celecoxib', 'M01AH', 'ms', 'OIP', [
    ['塞来昔布胶囊 0.2g*6粒', 9.8, '2c'],
    ['塞来昔布胶囊(西乐葆) 0.2g*6粒', 38.5, '2'],
  ]),
  ...west('loxoprofen', 'M01AE', 'ms in', 'OEIP', [['洛索洛芬钠片 60mg*20片', 12.5, '1']]),
  ...west('diclofenac', 'M01AB', 'ms', 'OEIP', [['双氯芬酸钠缓释片 75mg*10片', 8.6, '1']]),
  ...west('diclofenac-topical', 'M02AA', 'ms in', 'OEP', [['双氯芬酸二乙胺乳胶剂 20g', 22.8, '2']], { rx: false }),
  ...west('flurbiprofen-topical', 'M02AA', 'ms in', 'OEIP', [['氟比洛芬凝胶贴膏 40mg*6贴', 38.6, '2']]),
  ...west('meloxicam', 'M01AC', 'ms', 'OIP', [['美洛昔康片 7.5mg*10片', 9.8, '1']]),
  ...west('etoricoxib', 'M01AH', 'ms', 'OEIP', [['依托考昔片 60mg*5片', 26.5, '2']]),
  ...west('parecoxib', 'M01AH', 'ms in di gy', 'I', [['注射用帕瑞昔布钠 40mg', 22.6, '2c']], { med: '21' }),
  ...west('flurbiprofen-axetil', 'M01AE', 'in ms di', 'I', [['氟比洛芬酯注射液 5ml:50mg', 23.5, '2']]),
  ...west('eperisone', 'M03BX', 'ms', 'OIP', [['盐酸乙哌立松片 50mg*20片', 28.6, '2']]),
  ...west('glucosamine', 'M01AX', 'ms', 'OP', [['硫酸氨基葡萄糖胶囊 0.25g*60粒', 52, '3']], { rx: false }),
  ...west('calcitriol', 'A11CC', 'ms np en', 'OCIP', [['骨化三醇软胶囊 0.25μg*10粒', 19.8, '2c']]),
  ...west('calcium-carbonate-d3', 'A12AX', 'ms np', 'OCIP', [['碳酸钙D3片 600mg*60片', 28.5, '3']], { rx: false }),
  ...west('alendronate', 'M05BA', 'ms', 'OI', [['阿仑膦酸钠片 70mg*4片', 26.8, '2c']], { dise: 'M81' }),
  ...west('zoledronic-acid', 'M05BA', 'ms', 'I', [['唑来膦酸注射液 100ml:5mg', 598, '2c']], { dise: 'M81' }),

  // Gynaecology and obstetrics (female only)
  ...west(
    'progesterone',
    'G03DA',
    'gy',
    'OI',
    [
      ['黄体酮胶囊 100mg*10粒', 32.5, '1'],
      ['黄体酮注射液 1ml:20mg', 2.6, '1'],
    ],
    { gend: '2' },
  ),
  ...west('dydrogesterone', 'G03DB', 'gy', 'OI', [['地屈孕酮片 10mg*20片', 86, '2']], { gend: '2' }),
  ...west('estradiol-valerate', 'G03CA', 'gy', 'OIP', [['戊酸雌二醇片 1mg*21片', 42.5, '2']], { gend: '2' }),
  ...west('tibolone', 'G03CX', 'gy', 'OP', [['替勃龙片 2.5mg*7片', 56, '2']], { gend: '2' }),
  ...west('clotrimazole-vaginal', 'G01AF', 'gy', 'OP', [['克霉唑阴道片 0.5g*1片', 12.5, '1']], { gend: '2', rx: false }),
  ...west('metronidazole-vaginal', 'G01AF', 'gy', 'OP', [['甲硝唑阴道泡腾片 0.2g*7片', 9.8, '1']], { gend: '2' }),
  ...west('nifuratel-nystatin', 'G01AX', 'gy', 'O', [['硝呋太尔制霉素阴道软胶囊 6粒', 38.6, '2']], { gend: '2' }),
  ...west('oxytocin', 'H01BB', 'gy', 'I', [['缩宫素注射液 1ml:10单位', 3.5, '1']], { gend: '2' }),
  ...west('misoprostol', 'G02AD', 'gy', 'I', [['米索前列醇片 0.2mg*3片', 12.8, '1']], { gend: '2' }),
  ...west('folic-acid', 'B03BB', 'gy', 'OP', [['叶酸片 0.4mg*31片', 18.5, '3']], { rx: false }),

  // Urology (the sex-specific ones male only)
  ...west('tamsulosin', 'G04CA', 'um', 'OIP', [['盐酸坦索罗辛缓释胶囊 0.2mg*10粒', 28.6, '1c']], { gend: '1' }),
  ...west('finasteride', 'G04CB', 'um', 'OIP', [['非那雄胺片 5mg*10片', 18.5, '1c']], { gend: '1' }),
  ...west('epristeride', 'G04CB', 'um', 'OP', [['爱普列特片 5mg*10片', 35.6, '2']], { gend: '1' }),
  ...west('cernilton', 'G04CX', 'um', 'O', [['普适泰片 375mg*48片', 78, '2']], { gend: '1' }),
  ...west('sildenafil', 'G04BE', 'um', 'OP', [['枸橼酸西地那非片 100mg*1片', 98, '3']], { gend: '1' }),
  ...west('solifenacin', 'G04BD', 'um np', 'OIP', [['琥珀酸索利那新片 5mg*10片', 46.8, '2']]),
];
