/**
 * Xuwen 徐闻县's catalogue, from its own document [002] (五、帮扶措施 (一)–(五)):
 * five measures. The seed names no 责任单位 for any of them: the towns carry
 * them out (“镇级落实主体责任，做好调查核实、信息录入、精准帮扶、动态管理等工作”)
 * and the county's poverty office manages (“县扶贫部门实行动态管理”), so each
 * measure's task goes to 县扶贫办 — marked as practice, not as the seed's word.
 */
import type { MeasureCatalogue, PracticeNote } from '../catalogue.js';
import { CAUSES, deadline, WORKING_AGE } from './practice.js';

const LEAD: PracticeNote = { field: 'lead', note: '文件未列本措施的责任单位；由县扶贫办统筹（“县扶贫部门实行动态管理”），镇级落实' };

export const xuwenMeasures: MeasureCatalogue = {
  id: 'xuwen',
  version: 1,
  effectiveFrom: '2021-01',
  sources: ['002'],
  departments: [{ code: 'xczx', name: '县扶贫办' }],
  measures: [
    {
      code: 'industry',
      name: '产业帮扶',
      lead: 'xczx',
      cooperating: [],
      townsCooperate: true,
      otherParties: [],
      defaultDeadlineDays: 60,
      nature: 'developmental',
      suggestedBy: ['industry_failure'],
      sources: ['002'],
      quote: '对具备发展产业条件的监测对象，加强生产经营技能培训，统筹安排科技特派员和产业指导员下乡帮扶，发展农村二三产业，提供扶贫小额信贷支持，动员龙头企业、专业合作社、贫困村创业致富带头人等带动其发展生产',
      practice: [LEAD, deadline(60), CAUSES],
    },
    {
      code: 'employment',
      name: '就业帮扶',
      lead: 'xczx',
      cooperating: [],
      townsCooperate: true,
      otherParties: [],
      defaultDeadlineDays: 30,
      nature: 'developmental',
      suggestedBy: ['unstable_employment'],
      sources: ['002'],
      quote: '对有劳动能力和有就业意愿的监测对象，加强劳动技能培训，通过加强区域间劳务协作、建设扶贫车间、鼓励创新创业、强化公益岗位兜底安置、鼓励参与农村项目建设等，多渠道促进其就业脱贫',
      practice: [LEAD, deadline(30), CAUSES],
    },
    {
      code: 'safety_net',
      name: '综合保障',
      lead: 'xczx',
      cooperating: [],
      townsCooperate: true,
      otherParties: [],
      defaultDeadlineDays: 15,
      nature: 'safety_net',
      // 对因病、因残、因灾等意外变故返贫致贫的家庭.
      suggestedBy: ['illness', 'disability', 'disaster', 'accident'],
      sources: ['002'],
      quote: '对无劳动能力的监测对象，进一步强化低保、医疗、养老保险和特困人员救助供养等综合性社会保障措施，确保应保尽保；对因病、因残、因灾等意外变故返贫致贫的家庭，及时落实健康扶贫和残疾人、灾害、临时救助等政策，保障其基本生活',
      practice: [LEAD, deadline(15)],
    },
    {
      code: 'motivation',
      name: '扶志扶智',
      lead: 'xczx',
      cooperating: [],
      townsCooperate: true,
      otherParties: [],
      defaultDeadlineDays: 60,
      nature: 'developmental',
      // 内生动力不足 (三、对象界定 1) is what 更好激发贫困群体的奋斗精神 answers.
      suggestedBy: ['weak_motivation'],
      sources: ['002'],
      quote: '引导监测对象通过生产和就业脱贫致富；加强脱贫先进典型宣传，强化典型示范和教育引导，更好激发贫困群体的奋斗精神；积极开展乡风文明建设，发挥村规民约作用，倡导赡养老人、扶养残疾人',
      practice: [LEAD, deadline(60)],
    },
    {
      code: 'other',
      name: '其他帮扶',
      lead: 'xczx',
      cooperating: [],
      townsCooperate: true,
      otherParties: [],
      defaultDeadlineDays: 60,
      nature: 'safety_net',
      suggestedBy: ['other'],
      sources: ['002'],
      quote: '鼓励各地创新帮扶手段，多渠道筹措社会帮扶资金，及时化解生产生活风险。广泛动员社会力量参与扶贫助困',
      practice: [
        LEAD,
        deadline(60),
        CAUSES,
        { field: 'nature', note: '文件未区分开发式或保障性；社会帮扶资金不以农户劳动能力为条件，按保障性措施处理' },
      ],
    },
  ],
  rules: {
    // 对无劳动能力的监测对象，进一步强化…综合性社会保障措施; 强化公益岗位兜底安置.
    labour: { minWorkingAge: 16, safetyNetMeasure: 'safety_net', weakLabourMeasure: 'employment', sources: ['002'], practice: [WORKING_AGE] },
  },
};
