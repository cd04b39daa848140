/**
 * Xinfeng 新丰县's catalogue, from its own document [003] (四、多方联动 (七)–(二十二)):
 * each item's 〔由…牵头负责，…按职责配合〕, names as the seed spells them. Items
 * (八) and (九) name the same units and make one measure, 稳岗就业 with its
 * 1:3 job offers and 1 guidance + 1 training. Item (六), the employment ledger,
 * is a cadence of the profile, not a household's measure.
 */
import type { MeasureCatalogue, MeasureDefinition, PracticeNote } from '../catalogue.js';
import { CAUSES, deadline, HOUSE_GRADES, WORKING_AGE } from './practice.js';

const NOT_BY_LABOUR: PracticeNote = { field: 'nature', note: '文件未区分开发式或保障性；本项为收益分配或社会扶持，不以劳动能力为条件，按保障性措施处理' };

/** One item: the units as 〔由 lead 牵头负责，cooperating…、各镇（街）按职责配合〕; towns unless the item ends in 等部门. */
function item(
  code: string,
  name: string,
  units: { lead: string; cooperating: readonly string[]; towns?: boolean },
  rest: Pick<MeasureDefinition, 'defaultDeadlineDays' | 'nature' | 'suggestedBy' | 'quote'> & { practice?: readonly PracticeNote[] },
): MeasureDefinition {
  return {
    code,
    name,
    lead: units.lead,
    cooperating: units.cooperating,
    townsCooperate: units.towns ?? true,
    otherParties: [],
    defaultDeadlineDays: rest.defaultDeadlineDays,
    nature: rest.nature,
    suggestedBy: rest.suggestedBy,
    sources: ['003'],
    quote: rest.quote,
    practice: [deadline(rest.defaultDeadlineDays), ...(rest.practice ?? [])],
  };
}

export const xinfengMeasures: MeasureCatalogue = {
  id: 'xinfeng',
  version: 1,
  effectiveFrom: '2023-01',
  sources: ['003'],
  departments: [
    { code: 'rs', name: '县人社局' },
    { code: 'xczx', name: '县乡村振兴局' },
    { code: 'fg', name: '县发改局' },
    { code: 'mz', name: '县民政局' },
    { code: 'ny', name: '县农业农村局' },
    { code: 'gx', name: '县工信局' },
    { code: 'gxs', name: '县供销社' },
    { code: 'zgh', name: '县总工会' },
    { code: 'cz', name: '县财政局' },
    { code: 'rmyh', name: '人民银行新丰支行' },
    { code: 'jy', name: '县教育局' },
    { code: 'zj', name: '县住建管理局' },
    { code: 'yb', name: '县医保局' },
    { code: 'cl', name: '县残联' },
    { code: 'gsl', name: '县工商联' },
  ],
  measures: [
    // (七)
    item('employment_subsidy', '用足用好就业补贴政策', { lead: 'rs', cooperating: ['fg', 'mz', 'xczx'] }, {
      defaultDeadlineDays: 30,
      nature: 'developmental',
      suggestedBy: ['unstable_employment'],
      quote: '切实落实稳岗返还、务工补贴、以工代赈等政策，按规定落实脱贫人口和监测对象的一次性吸纳就业补贴、岗位补贴、社会保险补贴、创业担保贷款及贴息等政策',
      practice: [CAUSES],
    }),
    // (八) and (九)
    item('employment', '精准推进稳岗就业和加强就业技能培训', { lead: 'rs', cooperating: ['ny', 'xczx'] }, {
      defaultDeadlineDays: 30,
      nature: 'developmental',
      suggestedBy: ['unstable_employment'],
      quote: '对有意愿未就业的有劳动能力脱贫人口和监测对象，加强用工信息推送，提供1:3岗位信息，推动务工就业；县人社局对有需求的有劳动能力脱贫人口至少提供1次就业指导、1次就业培训，培训后及时跟进就业服务',
      practice: [CAUSES],
    }),
    // (十)
    item('employment_placement', '鼓励经营主体吸纳脱贫人口', { lead: 'rs', cooperating: ['fg', 'mz', 'ny', 'xczx'] }, {
      defaultDeadlineDays: 30,
      nature: 'developmental',
      suggestedBy: [],
      quote: '统筹用好各类公益性岗位，优先吸纳脱贫劳动力就近就业；鼓励乡村能人创办以吸纳脱贫人口和监测对象为主的农民劳务专业合作社，托底安置其中符合就业困难人员条件的弱劳力、半劳力和无法外出、无业可就的脱贫人口和监测对象',
    }),
    // (十一)
    item('farm_linkage', '发挥联农带农作用', { lead: 'ny', cooperating: ['xczx', 'gx', 'gxs'] }, {
      defaultDeadlineDays: 60,
      nature: 'developmental',
      suggestedBy: [],
      quote: '县农业农村局要切实发挥农业龙头企业等经营主体的联农带农作用，建立带动脱贫户就业生产台账，与脱贫户和监测对象签订农产品销售合同',
    }),
    // (十二)
    item('consumption', '持续开展消费帮扶', { lead: 'gx', cooperating: ['ny', 'xczx', 'zgh', 'gxs'] }, {
      defaultDeadlineDays: 60,
      nature: 'developmental',
      suggestedBy: [],
      quote: '组织各机关、企事业等单位采购脱贫群众农副产品，引导各类市场主体加大采购力度，帮助脱贫群众解决受各种因素影响造成的农副产品销售难问题',
    }),
    // (十三)
    item('rural_economy', '多渠道发展农村经济', { lead: 'ny', cooperating: ['xczx', 'cz', 'rs'] }, {
      defaultDeadlineDays: 60,
      nature: 'developmental',
      suggestedBy: [],
      quote: '大力推进乡村振兴车间建设，吸纳脱贫人口和监测对象就地就近就业；引导脱贫户因地制宜打造农村“四小园”（小菜园、小果园、小花园、小公园）等小生态板块',
    }),
    // (十四)
    item('interest_free_loan', '加大农业生产扶持力度（小额免息贷款）', { lead: 'ny', cooperating: ['xczx', 'rs', 'cz', 'gx', 'rmyh'] }, {
      defaultDeadlineDays: 30,
      nature: 'developmental',
      suggestedBy: ['industry_failure'],
      quote: '对有条件扩大生产规模的脱贫户，发放小额免息贷款，增强其持续经营能力',
      practice: [CAUSES],
    }),
    // (十五): 减少盲目生产而导致失收.
    item('farm_training', '开展农业技能培训', { lead: 'ny', cooperating: ['xczx', 'rs'] }, {
      defaultDeadlineDays: 60,
      nature: 'developmental',
      suggestedBy: ['industry_failure'],
      quote: '根据脱贫户生产类型，开展针对技能培训和指导，提高新技术推广应用能力，及时掌握市场动态，减少盲目生产而导致失收',
    }),
    // (十六)
    item('three_changes', '持续推行“三变”改革', { lead: 'ny', cooperating: ['xczx', 'cz', 'rmyh'] }, {
      defaultDeadlineDays: 60,
      nature: 'safety_net',
      suggestedBy: [],
      quote: '全面推广资源变资产、资金变股金、农民变股东做法，在保底分红基础上，按照一定比例优先给予脱贫户净增收益',
      practice: [NOT_BY_LABOUR],
    }),
    // (十七)
    item('rural_reform', '探索实践农村改革政策', { lead: 'ny', cooperating: ['xczx', 'cz', 'rmyh'] }, {
      defaultDeadlineDays: 60,
      nature: 'safety_net',
      suggestedBy: [],
      quote: '采取出租、转包、入股等方式流转土地经营权，及时足额兑付土地流转费，鼓励脱贫户通过土地流转、房屋租赁等方式获得租金收益',
      practice: [NOT_BY_LABOUR],
    }),
    // (十八)
    item('asset_income', '规范优化资产收益分配', { lead: 'xczx', cooperating: ['ny'] }, {
      defaultDeadlineDays: 60,
      nature: 'safety_net',
      suggestedBy: [],
      quote: '初次分配给村集体的扶贫项目资产收益，在二次分配时应当向脱贫户特别是“三类监测对象”倾斜',
      practice: [NOT_BY_LABOUR],
    }),
    // (十九)
    item('safety_net', '落实社会救助兜底政策', { lead: 'mz', cooperating: ['xczx', 'jy', 'rs', 'zj', 'yb', 'cl'] }, {
      defaultDeadlineDays: 15,
      nature: 'safety_net',
      suggestedBy: ['disability', 'disaster', 'accident'],
      quote: '对符合低保或特困条件的由县民政局按程序办理；对不符合民政纳入条件的无劳力脱贫户和监测对象，按要求纳入兜底保障；对符合其他专项救助条件的，及时将信息推送给相关部门落实其他专项社会救助或帮扶政策',
      practice: [CAUSES],
    }),
    // (二十): the premiums paid by the government 代缴, school aid, the dangerous-house subsidy.
    item('sector_policies', '落实各项行业政策（代缴医保和养老保险费、教育补助、危房改造补贴）', { lead: 'xczx', cooperating: ['fg', 'jy', 'mz', 'rs', 'zj', 'yb', 'cl'] }, {
      defaultDeadlineDays: 30,
      nature: 'safety_net',
      suggestedBy: [],
      quote: '对符合条件的脱贫人口（含三类监测对象）按规定纳入政府代缴城乡居民医保、基本养老保险费范围，实现全额代缴；积极帮助符合条件的脱贫学生申请教育补助、帮助符合条件的脱贫户申请农村危房改造补贴',
    }),
    // (二十一): …县工商联等部门按职责配合 — no towns.
    item('social_support', '积极发动社会支持', { lead: 'xczx', cooperating: ['ny', 'rs', 'gx', 'gsl'], towns: false }, {
      defaultDeadlineDays: 60,
      nature: 'safety_net',
      suggestedBy: [],
      quote: '充分利用“广东扶贫济困活动日”活动和“千企帮千镇 万企兴万村”行动平台，发动社会力量继续对生活困难的脱贫户予以生产生活扶持',
      practice: [NOT_BY_LABOUR],
    }),
    // (二十二): …县残联等部门按职责配合 — no towns.
    item('insurance', '推进防返贫综合保险工作', { lead: 'xczx', cooperating: ['jy', 'mz', 'rs', 'zj', 'ny', 'yb', 'cl'], towns: false }, {
      defaultDeadlineDays: 30,
      nature: 'safety_net',
      // 减少脱贫户和监测对象因病、因灾、因学、因重大事故等返贫致贫.
      suggestedBy: ['illness', 'disaster', 'schooling', 'accident'],
      quote: '为脱贫人口和监测对象购买“防返贫综合保险”，做好发动宣传，优化理赔内容和理赔程序；减少脱贫户和监测对象因病、因灾、因学、因重大事故等返贫致贫',
    }),
  ],
  rules: {
    // (十九) 无劳力脱贫户和监测对象…纳入兜底保障; (十) 托底安置…弱劳力、半劳力.
    labour: { minWorkingAge: 16, safetyNetMeasure: 'safety_net', weakLabourMeasure: 'employment_placement', sources: ['003'], practice: [WORKING_AGE] },
    // (八) 提供1:3岗位信息 to those willing and not in work; (九) 至少提供1次就业指导、1次就业培训.
    employment: { measure: 'employment', minGuidance: 1, minTraining: 1, jobOffersPerPerson: 3, offersOnlyIfNotEmployed: true, sources: ['003'] },
    // (二十) 政府代缴城乡居民医保…实现全额代缴: premiums only, no chronic-illness rule.
    medicalInsurance: { measure: 'sector_policies', chronicIllness: false, source: '003' },
    pensionPremium: {
      measure: 'sector_policies',
      minAge: 16,
      maxAgeExclusive: 60,
      excludeStudents: true,
      excludeActiveMilitary: true,
      source: '003',
      practice: [
        { field: 'minAge', note: '文件写“符合条件的脱贫人口…纳入政府代缴…基本养老保险费范围”，未写年龄；按城乡居民基本养老保险通行做法，年满16周岁' },
        { field: 'maxAgeExclusive', note: '按城乡居民基本养老保险通行做法，缴费至不满60周岁' },
        { field: 'excludeStudents', note: '按城乡居民基本养老保险通行做法，不含在校学生' },
        { field: 'excludeActiveMilitary', note: '按通行做法，不含现役军人' },
      ],
    },
    educationAid: { measure: 'sector_policies', source: '003' },
    housing: {
      measure: 'sector_policies',
      rebuildGrades: ['D'],
      reinforceGrades: ['C'],
      soleResidenceOnly: true,
      appraiseSuspected: true,
      source: '003',
      practice: [
        ...HOUSE_GRADES,
        { field: 'soleResidenceOnly', note: '文件只写“符合条件的脱贫户”；按农村危房改造通行做法，限唯一住房' },
        { field: 'appraiseSuspected', note: '按农村危房改造通行做法，疑似危房先行鉴定' },
      ],
    },
  },
};
