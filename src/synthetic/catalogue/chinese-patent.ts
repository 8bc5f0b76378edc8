/**
 * Patent Chinese medicines (11 中成药). One row per product: [drug group, category, groups, settings, name, price,
 * flags, restrictions]; see helpers.ts. Most are OTC (rx false) unless marked; injections are 限二级及以上医疗机构 or carry
 * 限适应症, as in the national catalogue. Category codes: ZA internal medicine (A01 解表, A04 清热, A05 祛暑,
 * A06 止咳平喘, A09 扶正, A10 安神, A11 开窍, A12 理血, A13 治风, A15 消导, A16 理气, A17 祛湿), ZC 肿瘤,
 * ZD 妇科, ZE 眼科, ZF 耳鼻喉, ZG 骨伤, ZH 皮肤.
 */
import type { CatalogueItem } from '../model.js';
import { patentMedicines } from './helpers.js';

export const CHINESE_PATENT: CatalogueItem[] = patentMedicines([
  // Colds, fever, cough
  ['ganmaoling', 'A01BA', 're', 'OEP', '感冒灵颗粒 10g*9袋', 15.8, '1'],
  ['lianhua-qingwen', 'A04BA', 're', 'OEIP', '连花清瘟胶囊 0.35g*24粒', 14.8, '1c'],
  ['lianhua-qingwen', 'A04BA', 're', 'OEIP', '连花清瘟颗粒 6g*10袋', 22.5, '1c'],
  ['lanqin', 'A04BA', 're pe', 'OEP', '蓝芩口服液 10ml*12支', 32.5, '2'],
  ['pudilan', 'A04BA', 're pe', 'OEP', '蒲地蓝消炎口服液 10ml*10支', 36.8, '2'],
  ['banlangen', 'A04BA', 're pe', 'OEP', '板蓝根颗粒 10g*20袋', 12.5, '1'],
  ['shuanghuanglian', 'A01BA', 're pe', 'OEP', '双黄连口服液 10ml*10支', 18.6, '1'],
  ['qingkailing', 'A04BA', 're', 'OEP', '清开灵颗粒 3g*10袋', 12.8, '1'],
  ['shufeng-jiedu', 'A04BA', 're', 'OEP', '疏风解毒胶囊 0.52g*36粒', 38.5, '2'],
  ['xianzhuli', 'A06AA', 're', 'OEP', '复方鲜竹沥液 20ml*6支', 18.5, '2'],
  ['jizhi', 'A06AA', 're', 'OEP', '急支糖浆 200ml', 16.8, '1'],
  ['suhuang-zhike', 'A06AA', 're', 'OI', '苏黄止咳胶囊 0.45g*24粒', 48.6, '2', { rx: true }],
  ['guilong-kechuanning', 'A06AA', 're', 'OCIP', '桂龙咳喘宁胶囊 0.3g*30粒', 24.5, '2'],
  ['chuanbei-pipa', 'A06AA', 're', 'P', '蜜炼川贝枇杷膏 300ml', 56, '3'],
  ['jinshuibao', 'A09AA', 're np', 'OCIP', '金水宝胶囊 0.33g*72粒', 48.5, '2'],
  ['bailing', 'A09AA', 'np re', 'OCIP', '百令胶囊 0.5g*42粒', 56.8, '2c'],
  ['tanreqing', 'A04BA', 're pe', 'I', '痰热清注射液 10ml', 46.5, '2c', { rx: true, hosp: 2 }],
  ['xiyanping', 'A04BA', 're pe', 'I', '喜炎平注射液 5ml:125mg', 28.6, '2', { rx: true, hosp: 2 }],

  // Paediatrics (限14岁以下)
  ['jinzhen', 'A06AA', 'pe', 'OEIP', '金振口服液 10ml*6支', 39.8, '2', { ageMax: 14 }],
  ['xiaoer-feike', 'A06AA', 'pe', 'OEP', '小儿肺咳颗粒 2g*6袋', 28.5, '2', { ageMax: 14 }],
  ['xiaoer-chiqiao', 'A01BA', 'pe', 'OEP', '小儿豉翘清热颗粒 2g*6袋', 32.6, '2', { ageMax: 14 }],
  ['xiaoer-chaigui', 'A01BA', 'pe', 'OEP', '小儿柴桂退热颗粒 5g*10袋', 26.8, '2', { ageMax: 14 }],

  // Cardiovascular and cerebrovascular
  ['fufang-danshen', 'A12AA', 'cv', 'OCIP', '复方丹参滴丸 27mg*180丸', 28.5, '1c'],
  ['shexiang-baoxin', 'A12AA', 'cv', 'OCIP', '麝香保心丸 22.5mg*42丸', 32.8, '1'],
  ['tongxinluo', 'A12BA', 'cv ne', 'OCIP', '通心络胶囊 0.26g*30粒', 26.5, '1'],
  ['yinxingye', 'A12AA', 'cv ne', 'OCIP', '银杏叶片 9.6mg*24片', 22.5, '1'],
  ['shensong-yangxin', 'A12BA', 'cv', 'OCIP', '参松养心胶囊 0.4g*36粒', 38.6, '2'],
  ['wenxin', 'A12BA', 'cv', 'OCIP', '稳心颗粒 9g*9袋', 32.5, '2'],
  ['naoxintong', 'A12BA', 'ne cv', 'OCIP', '脑心通胶囊 0.4g*48粒', 45.6, '2'],
  ['xuesaitong', 'A12AA', 'cv ne', 'OCIP', '血塞通软胶囊 60mg*20粒', 25.8, '2'],
  ['songling-xuemaikang', 'A13AA', 'cv', 'OCIP', '松龄血脉康胶囊 0.5g*60粒', 36.5, '2'],
  ['qili-qiangxin', 'A12BA', 'cv', 'OCI', '芪苈强心胶囊 0.3g*36粒', 56.5, '2', { rx: true, dise: 'I50' }],
  ['danhong', 'A12AA', 'cv ne', 'I', '丹红注射液 10ml', 32.8, '2c', { rx: true, dise: 'I63 I25 I20' }],
  ['xueshuantong', 'A12AA', 'ne', 'I', '注射用血栓通(冻干) 150mg', 26.5, '2c', { rx: true, dise: 'I63', hosp: 2 }],
  ['angong-niuhuang', 'A11AA', 'ne', 'EIP', '安宫牛黄丸 3g*1丸', 498, '3'],

  // Diabetes
  ['jinlida', 'A09AA', 'en', 'OCIP', '津力达颗粒 9g*9袋', 48.6, '2'],
  ['shenqi-jiangtang', 'A09AA', 'en', 'OCIP', '参芪降糖颗粒 3g*12袋', 36.8, '2'],
  ['tianqi-jiangtang', 'A09AA', 'en', 'OCIP', '天芪降糖胶囊 0.32g*48粒', 58.5, '2'],
  ['xiaoke', 'A09AA', 'en', 'OCIP', '消渴丸 120丸', 28.6, '1', { rx: true }],

  // Digestive
  ['qizhi-weitong', 'A16AA', 'di', 'OEP', '气滞胃痛颗粒 5g*9袋', 18.5, '1'],
  ['weisu', 'A16AA', 'di', 'OP', '胃苏颗粒 5g*9袋', 22.8, '1'],
  ['moluodan', 'A16AA', 'di', 'OP', '摩罗丹 9g*18袋', 42.5, '2'],
  ['xiangsha-yangwei', 'A16AA', 'di', 'OP', '香砂养胃丸 9g*10袋', 15.6, '1'],
  ['baohe', 'A15AA', 'di pe', 'OP', '保和丸 6g*10袋', 12.5, '1'],
  ['huoxiang-zhengqi', 'A05AA', 'di', 'OEP', '藿香正气水 10ml*10支', 9.8, '1'],
  ['huoxiang-zhengqi', 'A05AA', 'di', 'OEP', '藿香正气软胶囊 0.45g*24粒', 22.6, '1'],
  ['gegen-qinlian', 'A04BA', 'di', 'OEP', '葛根芩连片 0.3g*36片', 16.5, '1'],
  ['danning', 'A17AA', 'di', 'OP', '胆宁片 0.36g*100片', 45.8, '2'],
  ['hugan', 'A17AA', 'di', 'OP', '护肝片 0.35g*100片', 26.5, '3'],
  ['fuzheng-huayu', 'A12AA', 'di', 'OI', '扶正化瘀胶囊 0.3g*48粒', 98.6, '2c', { rx: true, dise: 'K74 B18' }],
  ['buzhong-yiqi', 'A09AA', 'di', 'OP', '补中益气丸 6g*10袋', 15.6, '1'],

  // Bones, joints, injuries
  ['xianling-gubao', 'G01AA', 'ms', 'OP', '仙灵骨葆胶囊 0.5g*40粒', 36.8, '1'],
  ['jingshu', 'G01AA', 'ms', 'OP', '颈舒颗粒 6g*12袋', 39.6, '2'],
  ['yaobitong', 'G01AA', 'ms', 'OIP', '腰痹通胶囊 0.42g*60粒', 58.5, '2'],
  ['duhuo-jisheng', 'G01AA', 'ms', 'OP', '独活寄生丸 9g*10丸', 22.8, '2'],
  ['shexiang-zhuanggu', 'G01AA', 'ms in', 'OEP', '麝香壮骨膏 7cm*10cm*4贴', 9.5, '1'],
  ['shangshi-zhitong', 'G01AA', 'ms in', 'OEP', '伤湿止痛膏 7cm*10cm*5贴', 6.8, '1'],
  ['yunnan-baiyao', 'G01AA', 'in ms', 'OEIP', '云南白药胶囊 0.25g*32粒', 32.5, '1'],
  ['yunnan-baiyao', 'G01AA', 'in ms', 'OEIP', '云南白药气雾剂 85g+60g', 48.6, '1'],
  ['huoxue-zhitong', 'G01AA', 'in ms', 'OEP', '活血止痛胶囊 0.5g*48粒', 28.6, '2'],

  // Neurology
  ['tianma-gouteng', 'A13AA', 'ne cv', 'OP', '天麻钩藤颗粒 5g*10袋', 24.5, '2'],
  ['yangxue-qingnao', 'A13AA', 'ne', 'OP', '养血清脑颗粒 4g*15袋', 42.6, '2'],
  ['wuling', 'A10AA', 'ne', 'OP', '乌灵胶囊 0.33g*36粒', 45.8, '2'],
  ['bailemian', 'A10AA', 'ne', 'OP', '百乐眠胶囊 0.27g*24粒', 32.6, '2'],
  ['huatuo-zaizao', 'A12BA', 'ne', 'OIP', '华佗再造丸 8g*10袋', 58.5, '2'],
  ['xingnaojing', 'A11AA', 'ne', 'I', '醒脑静注射液 10ml', 36.8, '2', { rx: true, hosp: 2 }],

  // Gynaecology
  ['guizhi-fuling', 'D01AA', 'gy', 'OIP', '桂枝茯苓胶囊 0.31g*60粒', 36.5, '1'],
  ['fuke-qianjin', 'D01AA', 'gy', 'OP', '妇科千金片 0.32g*72片', 26.8, '1'],
  ['kuntai', 'D01AA', 'gy', 'OP', '坤泰胶囊 0.5g*48粒', 68.5, '2'],
  ['yimucao', 'D01AA', 'gy', 'OIP', '益母草颗粒 15g*12袋', 18.6, '1'],
  ['gongyanping', 'D01AA', 'gy', 'OP', '宫炎平片 0.26g*48片', 22.5, '2'],
  ['kangfu-xiaoyan', 'D01AA', 'gy', 'OP', '康妇消炎栓 2.8g*6粒', 38.6, '2', { gend: '2' }],
  ['wuji-baifeng', 'D01AA', 'gy', 'OP', '乌鸡白凤丸 9g*10丸', 28.5, '3'],
  ['ejiao-buxue', 'A09AA', 'gy', 'P', '阿胶补血口服液 20ml*12支', 58, '3'],

  // Urology and nephrology
  ['qianlie-shutong', 'A17AA', 'um', 'OP', '前列舒通胶囊 0.4g*60粒', 48.6, '2', { gend: '1' }],
  ['longbishu', 'A17AA', 'um', 'OP', '癃闭舒胶囊 0.3g*36粒', 42.5, '2'],
  ['paishi', 'A17AA', 'um np', 'OEP', '排石颗粒 20g*10袋', 24.8, '1'],
  ['sanjin', 'A17AA', 'um np gy', 'OEP', '三金片 0.29g*72片', 19.5, '1'],
  ['niaoduqing', 'A17AA', 'np', 'OCIP', '尿毒清颗粒(无糖型) 5g*18袋', 45.8, '2'],
  ['huangkui', 'A17AA', 'np', 'OCIP', '黄葵胶囊 0.5g*30粒', 38.5, '2'],
  ['shenyan-kangfu', 'A17AA', 'np', 'OCIP', '肾炎康复片 0.48g*45片', 42.6, '2'],
  ['liuwei-dihuang', 'A09AA', 'en np ne', 'OP', '六味地黄丸(浓缩丸) 200丸', 18.5, '1'],

  // Skin, eye, ENT
  ['biyankang', 'F01AA', 'de', 'OP', '鼻炎康片 0.37g*150片', 28.6, '2'],
  ['xinqin', 'F01AA', 'de', 'OP', '辛芩颗粒 5g*10袋', 26.5, '2'],
  ['liushen', 'F01AA', 'de re', 'OEP', '六神丸 3.125mg*180粒', 38.5, '1'],
  ['xiguashuang', 'F01AA', 'de re', 'OP', '西瓜霜润喉片 0.6g*36片', 15.8, '3'],
  ['shiduqing', 'H01AA', 'de', 'OP', '湿毒清胶囊 0.5g*30粒', 32.5, '2'],
  ['mingmu-dihuang', 'E01AA', 'de', 'OP', '明目地黄丸 6g*10袋', 18.5, '3'],

  // Oncology
  ['pingxiao', 'C01AA', 'on', 'OCIP', '平消胶囊 0.23g*100粒', 45.6, '2'],
  ['huachansu', 'C01AA', 'on', 'OCIP', '华蟾素片 0.3g*24片', 38.6, '2'],
  ['kanglaite', 'C01AA', 'on', 'OCI', '康莱特软胶囊 0.45g*72粒', 298, '2', { rx: true, dise: 'C34 C22' }],
  ['huaier', 'C01AA', 'on', 'OCI', '槐耳颗粒 20g*6袋', 158, '2c', { rx: true, dise: 'C22' }],
  ['fufang-kushen', 'C01AA', 'on', 'I', '复方苦参注射液 5ml', 22.8, '2', { rx: true, hosp: 2 }],
]);
