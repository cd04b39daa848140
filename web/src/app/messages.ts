/**
 * Every text the console shows, in Simplified Chinese, in one place. Names the
 * server already has (roles, steps, risk causes, spending kinds) come from
 * domain/'s catalogues, so that a word is changed once for both.
 */
import { ROLE_NAMES, type Role } from '../../../domain/access/roles.js';
import { DECISION_NAMES, RISK_CAUSE_NAMES, STEP_NAMES } from '../../../domain/identification/steps.js';
import { spendingKindNames, threatNames } from '../../../domain/messages/catalogue.js';
import type { HouseholdCategory } from '../../../domain/identification/steps.js';
import type { IncomeKind } from '../../../domain/income/projection.js';
import type { HouseholdStage } from '../../../workflows/household/definitions.js';

export { DECISION_NAMES, RISK_CAUSE_NAMES, ROLE_NAMES, STEP_NAMES, spendingKindNames, threatNames };

export const t = {
  appName: '守底',
  appSubtitle: '防止返贫动态监测和帮扶',
  county: '示范县',
  loading: '正在加载…',
  empty: '暂无数据',
  retry: '重试',
  loadFailed: '加载失败',
  networkError: '无法连接服务器，请检查网络后重试',
  sessionEnded: '登录已失效，请重新登录',
  saved: '已保存',
  submit: '提交',
  cancel: '取消',
  back: '返回',
  open: '查看',

  login: {
    title: '用户登录',
    username: '用户名',
    password: '密码',
    submit: '登录',
    usernameRequired: '请输入用户名',
    passwordRequired: '请输入密码',
  },
  shell: {
    logout: '退出登录',
    menu: '导航菜单',
    userLabel: (name: string, role: string) => `当前用户：${name}（${role}）`,
    openMenu: '展开菜单',
  },
  menu: {
    today: '今日工作',
    overview: '工作总览',
    register: '农户建档',
    households: '农户查询',
    overdue: '逾期事项',
    tasks: '帮扶任务',
  },
  today: {
    title: '今日工作',
    dueTitle: '待办期限（按截止时间）',
    casesTitle: '等待本级办理的认定',
    overdueTitle: '逾期事项',
    item: '事项',
    household: '农户',
    place: '地点',
    dueAt: '截止时间',
    state: '状态',
    overdueDays: (days: number) => `已逾期 ${days} 天`,
    open: '办理中',
    noDue: '近期没有待办期限',
    noCases: '没有等待本级办理的认定',
    step: '当前环节',
    handle: '办理',
  },
  overview: {
    title: '工作总览',
    byStage: '各阶段农户数',
    households: '户数',
    unit: '户',
    chartLabel: (parts: string) => `各阶段农户数：${parts}`,
  },
  households: {
    title: '农户查询',
    headName: '户主姓名',
    address: '住址',
    category: '户类型',
    stage: '阶段',
    village: '所在村',
    createdAt: '建档时间',
    responsible: '帮扶责任人',
    none: '未确定',
    search: '查询',
    searchName: '按姓名查询',
    file: '一户一档',
    detail: '农户详情',
    count: (n: number) => `共 ${n} 户`,
  },
  register: {
    title: '农户建档',
    village: '所在村',
    group: '村民小组',
    groupNone: '不选小组',
    address: '住址',
    headName: '户主姓名',
    category: '户类型',
    submit: '建档',
    done: (name: string) => `已为 ${name} 建档`,
    addressRequired: '请填写住址',
    headNameRequired: '请填写户主姓名',
  },
  members: {
    title: '家庭成员',
    add: '添加成员',
    name: '姓名',
    idNumber: '身份证号码',
    birthDate: '出生日期',
    sex: '性别',
    relation: '与户主关系',
    labour: '劳动能力',
    isStudent: '在校生',
    chronicIllness: '慢性病',
    idOk: (birth: string, sex: string) => `出生日期 ${birth}，性别 ${sex}`,
    nameRequired: '请填写姓名',
    idRequired: '请填写身份证号码',
    added: (name: string) => `已添加成员 ${name}`,
    none: '尚未登记家庭成员',
    count: (n: number) => `${n} 人`,
  },
  identification: {
    title: '监测对象认定',
    none: '尚未发起认定',
    apply: '申请纳入监测',
    applyTitle: '纳入监测申请',
    statement: '申请理由',
    statementRequired: '请填写申请理由',
    riskCauses: '风险类型',
    riskCausesRequired: '请至少选择一项风险类型',
    memberCount: '家庭人口数',
    income: '家庭收入（元）',
    spending: '刚性支出（元）',
    line: (what: '收入' | '支出', field: '月份' | '类别' | '金额' | '是否刚性', row: number) => `${what}${field}（第${row}行）`,
    addIncome: '增加一行收入',
    addSpending: '增加一行支出',
    remove: '删除',
    lastYear: '上年家庭人均纯收入（元，可不填）',
    submitted: '申请已提交',
    current: '当前环节',
    status: '办理状态',
    waiting: (step: string) => `等待“${step}”`,
    decide: (step: string) => `办理“${step}”`,
    decision: '办理意见',
    opinion: '意见',
    opinionRequired: '请填写意见',
    participants: '参与评议人员（用顿号分隔）',
    participantsRequired: '请登记参与评议人员',
    monitoringCategory: '监测对象类别',
    decided: '已办理',
    noticeEndsAt: '公示结束时间',
    returned: '退回原因',
    clocks: '办理时限',
    deadline: '截止',
    approvedAsMonitored: '已确定为监测对象',
    overdue: '已逾期',
  },
  assessment: {
    title: '收支测算（按县级政策实时预览）',
    profile: (id: string, version: number) => `按政策 ${id} 第 ${version} 版测算`,
    perCapita: '人均收入（元/年）',
    monitoringLine: '监测标准（元/年）',
    warningLine: '预警线（元/年）',
    conclusion: '测算结论',
    noProfile: '本县本月没有在用的政策，无法测算',
    incomplete: '请填写家庭人口数后查看测算',
    recorded: '认定时的测算（已记录）',
  },
  tasks: {
    title: '帮扶任务',
    status: '任务状态',
    statusFilter: { open: '待办', overdue: '已逾期', completed: '已办结', handed_back: '已退回', all: '全部' },
    town: '乡镇',
    allTowns: '全部乡镇',
    household: '农户',
    measure: '帮扶措施',
    place: '地点',
    lastDay: '最后办理日',
    required: '必办',
    actions: '操作',
    accept: '接收',
    complete: '办结',
    handBack: '退回',
    accepted: '已接收任务',
    completed: '任务已办结',
    handedBack: '任务已退回',
    overdueDays: (days: number) => `逾期 ${days} 天`,
    none: '没有符合条件的任务',
    completeTitle: (measure: string, head: string) => `办结：${head} · ${measure}`,
    handBackTitle: (measure: string, head: string) => `退回：${head} · ${measure}`,
    whatWasDone: '办理情况',
    whatWasDoneRequired: '请填写办理情况',
    amount: '金额（元，可不填）',
    date: '办理日期',
    dateRequired: '请填写办理日期，格式为 YYYY-MM-DD',
    document: '佐证材料名称',
    documentRequired: '请填写至少一份佐证材料',
    reason: '退回原因',
    reasonText: '退回说明',
    reasonTextRequired: '请填写退回说明',
    count: (n: number) => `共 ${n} 项`,
  },
  file: {
    title: '一户一档',
    timeline: '办理记录',
    who: '办理人',
    system: '系统',
    empty: '暂无办理记录',
  },
} as const;

export const roleName = (role: Role) => ROLE_NAMES[role];

export const CATEGORY_NAMES = {
  lifted_out: '脱贫户',
  unstable: '脱贫不稳定户',
  marginal: '边缘易致贫户',
  sudden_hardship: '突发严重困难户',
} as const satisfies Record<HouseholdCategory, string>;

export const STAGE_NAMES = {
  registered: '已建档',
  identifying: '认定中',
  monitoring: '监测对象',
  eliminated: '风险已消除',
  not_included: '未纳入监测',
} as const satisfies Record<HouseholdStage, string>;

export const STAGES = Object.keys(STAGE_NAMES) as HouseholdStage[];

export const CASE_STATUS_NAMES = { in_progress: '办理中', approved: '已认定', rejected: '不予认定' } as const;

export const CONCLUSION_NAMES = { eligible: '符合纳入监测条件', not_eligible: '不符合纳入监测条件', undetermined: '暂无法判断' } as const;

export const INCOME_KIND_NAMES = {
  wages: '工资性收入',
  production_net: '生产经营净收入',
  property: '财产净收入',
  transfer: '转移净收入',
} as const satisfies Record<IncomeKind, string>;

export const RELATION_NAMES = {
  head: '户主',
  spouse: '配偶',
  child: '子女',
  parent: '父母',
  grandparent: '祖父母',
  grandchild: '孙子女',
  sibling: '兄弟姐妹',
  child_in_law: '儿媳女婿',
  other: '其他',
} as const;

export const LABOUR_NAMES = { capable: '有劳动能力', weak: '弱劳动力', partial: '半劳动力', none: '无劳动能力' } as const;

export const SEX_NAMES = { male: '男', female: '女' } as const;

export const CHANNEL_NAMES = { application: '农户申请', cadre_visit: '干部走访', department_warning: '部门预警' } as const;
