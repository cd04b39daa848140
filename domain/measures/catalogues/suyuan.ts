/**
 * Suyuan 涑源县's catalogue, from its own document [004] (二、(三) 落实帮扶 1–6):
 * six measures, each with the seed's 牵头部门 (several where it names several:
 * the first receives the task, the others are co-leads) and 责任单位 (各乡镇 and,
 * for microcredit, 人社局 and 工商联). The seed sets no age for a loan: none of
 * Boluo's microcredit rule.
 */
import type { MeasureCatalogue } from '../catalogue.js';
import { CAUSES, deadline, WORKING_AGE } from './practice.js';

export const suyuanMeasures: MeasureCatalogue = {
  id: 'suyuan',
  version: 1,
  effectiveFrom: '2022-07',
  sources: ['004'],
  departments: [
    { code: 'xczx', name: '乡村振兴局' },
    { code: 'ny', name: '农业农村局' },
    { code: 'rs', name: '人社局' },
    { code: 'jrb', name: '金融办' },
    { code: 'gsl', name: '工商联' },
    { code: 'mz', name: '民政局' },
    { code: 'cl', name: '残联' },
    { code: 'jy', name: '教体局' },
    { code: 'yb', name: '医保局' },
    { code: 'picc', name: '人保财险' },
    { code: 'xcb', name: '宣传部' },
    { code: 'fl', name: '妇联' },
    { code: 'zzb', name: '组织部' },
  ],
  measures: [
    {
      // 对整户无劳动能力的帮扶对象，实行差异化收益分配: the distribution reaches households without labour too.
      code: 'industry',
      name: '落实产业收益分配帮扶增收措施',
      lead: 'xczx',
      coLeads: ['ny'],
      cooperating: [],
      townsCooperate: true,
      otherParties: [],
      defaultDeadlineDays: 60,
      nature: 'safety_net',
      suggestedBy: ['industry_failure'],
      sources: ['004'],
      quote: '完善“龙头企业+合作社+基地+农户”生产经营模式，确保帮扶对象年人均产业收入持续增长，提高家庭经营性收入；对有劳动能力和弱半劳动能力的帮扶对象，引导参加生产劳动或公益岗位就业；对整户无劳动能力的帮扶对象，实行差异化收益分配',
      practice: [deadline(60), CAUSES],
    },
    {
      code: 'employment',
      name: '落实外出务工就业帮扶增收措施',
      lead: 'rs',
      cooperating: [],
      townsCooperate: true,
      otherParties: [],
      defaultDeadlineDays: 30,
      nature: 'developmental',
      suggestedBy: ['unstable_employment'],
      sources: ['004'],
      quote: '对所有帮扶对象分类进行建档立卡，信息化动态管理，市场化对接，着力稳定就业规模，提高就业质量；优先安置符合条件的帮扶人口特别是其中的弱半劳动力，确保乡村公益岗位聘用帮扶对象数量稳中有升',
      practice: [deadline(30), CAUSES],
    },
    {
      // 牵头部门：金融办，责任单位：人社局、工商联、各乡镇.
      code: 'microcredit',
      name: '落实小额信贷帮扶增收措施',
      lead: 'jrb',
      cooperating: ['rs', 'gsl'],
      townsCooperate: true,
      otherParties: [],
      defaultDeadlineDays: 30,
      nature: 'developmental',
      suggestedBy: ['industry_failure'],
      sources: ['004'],
      quote: '继续挖掘小额信贷潜力，实现符合贷款条件的帮扶对象小额信贷“应贷尽贷”；有效解决符合贷款条件的帮扶对象没有贷款意愿、没有生产项目、没有必要劳动生产技能、没有合作经营平台、没有销售渠道等实际困难',
      practice: [deadline(30), CAUSES],
    },
    {
      // 牵头部门：民政局、残联、乡村振兴局、教体局、医保局、人保财险等 — the seed's list ends in 等.
      code: 'safety_net',
      name: '落实资助惠民帮扶增收措施',
      lead: 'mz',
      coLeads: ['cl', 'xczx', 'jy', 'yb', 'picc'],
      cooperating: [],
      townsCooperate: true,
      otherParties: [],
      defaultDeadlineDays: 15,
      nature: 'safety_net',
      // 符合条件的重残人员、重病患者等低收入人口.
      suggestedBy: ['illness', 'disability'],
      sources: ['004'],
      quote: '对帮扶对象中完全丧失劳动能力或部分丧失劳动能力且无法通过产业就业获得稳定收入的人口，按规定纳入农村低保或特困人员救助供养范围；符合条件的重残人员、重病患者等低收入人口，参照“单人户”纳入低保范围；全面落实“雨露计划”、教育资助、医疗救助、临时救助、防贫保险、“两项补贴”、社会救助金等各类政策',
      practice: [deadline(15)],
    },
    {
      code: 'motivation',
      name: '落实扶志扶智帮扶增收措施',
      lead: 'xcb',
      coLeads: ['xczx', 'fl'],
      cooperating: [],
      townsCooperate: true,
      otherParties: [],
      defaultDeadlineDays: 60,
      nature: 'developmental',
      // 对内生动力不足的帮扶对象.
      suggestedBy: ['weak_motivation'],
      sources: ['004'],
      quote: '对内生动力不足的帮扶对象，通过扶志扶智，增强其自主发展信心，提高其自主增收能力；引导帮扶对象遵守村规民约，践行文明乡风、良好家风和淳朴民风',
      practice: [deadline(60)],
    },
    {
      code: 'village_assistance',
      name: '落实驻村帮扶、结对帮扶增收措施',
      lead: 'zzb',
      cooperating: [],
      townsCooperate: true,
      otherParties: [],
      defaultDeadlineDays: 60,
      nature: 'safety_net',
      suggestedBy: [],
      sources: ['004'],
      quote: '驻村工作队和驻村第一书记，要协调做好各项帮扶工作，因地制宜推动各项帮扶政策措施落实落地；继续开展结对帮扶工作，按照“四不摘”工作要求，对帮扶责任人进行优化调整',
      practice: [deadline(60), { field: 'nature', note: '文件未区分开发式或保障性；驻村帮扶、结对帮扶面向全部帮扶对象，按保障性措施处理' }],
    },
  ],
  rules: {
    // 完全丧失劳动能力或部分丧失劳动能力且无法通过产业就业获得稳定收入的人口…纳入农村低保或特困人员救助供养;
    // 优先安置符合条件的帮扶人口特别是其中的弱半劳动力.
    labour: { minWorkingAge: 16, safetyNetMeasure: 'safety_net', weakLabourMeasure: 'employment', sources: ['004'], practice: [WORKING_AGE] },
    // 符合条件的重残人员…参照“单人户”纳入低保范围.
    severeDisability: {
      measure: 'safety_net',
      grades: ['1', '2'],
      source: '004',
      practice: [{ field: 'grades', note: '文件写“重残人员”，未写等级；按通行做法为一级、二级残疾' }],
    },
    // 全面落实“雨露计划”、教育资助.
    educationAid: { measure: 'safety_net', source: '004' },
  },
};
