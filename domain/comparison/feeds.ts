/**
 * Department data comparison 部门数据比对: the feeds a county receives each
 * month, as data. Each feed names its department, the consent it needs, its
 * columns (field → heading, with how a cell is read), the rule that turns a
 * row into a dated fact of the person, and the warning rules over that fact.
 * The design's catalogue below holds no policy number of its own: a line a
 * rule needs (the out-of-pocket line) comes from the county's profile, and
 * where the profile has none the rule is 未配置 and does not fire.
 * Seeds: [003] 民政、教育、医保、残联 every month; [002] departments compare and
 * return warnings; [000] 教育、民政、住建、水利、人社、医保、残联 share data and
 * report sudden income drops or spending rises; DOMAIN.md §10 banks and 金融办.
 */
import type { ConsentCover } from '../self-report/rules.js';

/** How a cell is read. `choice` maps the words a department writes to the fact's codes. */
export type ColumnType =
  | { readonly type: 'text'; readonly max: number }
  | { readonly type: 'yuan' }
  | { readonly type: 'count' }
  | { readonly type: 'yes_no' }
  | { readonly type: 'choice'; readonly choices: Readonly<Record<string, string>> };

export interface FeedColumn {
  readonly heading: string;
  readonly read: ColumnType;
  /** A row without it is rejected. */
  readonly required?: boolean;
}

/** Fact kinds a feed may write (household_facts.kind). */
export type FeedFactKind = 'social_assistance' | 'schooling' | 'medical_out_of_pocket' | 'disability' | 'housing' | 'drinking_water' | 'employment' | 'loan';

/** Which profile line a rule compares with. */
export type ComparisonLine = 'medicalOutOfPocketLineYuan';

export type WarningCondition =
  /** The field is one of the values (codes). */
  | { readonly field: string; readonly op: 'in'; readonly values: readonly string[] }
  /** The field (yuan) is above the profile's line. */
  | { readonly field: string; readonly op: 'above_line'; readonly line: ComparisonLine }
  /** The row exists (a temporary aid was paid). */
  | { readonly op: 'always' };

export interface WarningRule {
  readonly id: string;
  /** The rule in a clerk's words, shown beside each warning. */
  readonly name: string;
  readonly when: WarningCondition;
  /**
   * Only when it is news: the person's latest earlier fact of the kind held
   * another value of this field (none at all counts as another value), or,
   * with `previous`, held exactly that one (lost employment: was employed).
   */
  readonly onlyIfChanged?: { readonly field: string; readonly previous?: string };
}

/** The 民政 social-assistance groups a county identifies jointly with 防止返贫致贫对象 (2026 No.1 Document, DOMAIN.md §10). */
export const ASSISTANCE_MARK_KINDS = ['dibao', 'tekun'] as const;
export type AssistanceMarkKind = (typeof ASSISTANCE_MARK_KINDS)[number];

/**
 * Joint identification 统筹认定: a row of the feed marks its household in the
 * registry as one of 民政's groups while the field holds one of the values
 * (codes); a later month's feed without the household, or with it out of
 * those values, ends the mark. The mark is dated and never deleted.
 */
export interface AssistanceMarkRule {
  readonly kind: AssistanceMarkKind;
  readonly field: string;
  readonly values: readonly string[];
}

export interface FeedDefinition {
  readonly id: string;
  /** The department's code in the county (departments.code). */
  readonly department: string;
  readonly name: string;
  /** What the household's consent 承诺授权 must cover for its rows to be compared. */
  readonly consent: ConsentCover;
  readonly columns: Readonly<Record<string, FeedColumn>>;
  /** The row → fact rule: the fact's kind, its fixed values, and which field fills which of its values. */
  readonly fact: {
    readonly kind: FeedFactKind;
    readonly fixed?: Readonly<Record<string, string | number | boolean>>;
    readonly values: Readonly<Record<string, string>>;
    /** A fact about the household as a whole (housing, water): the row's person is who the department knows. */
    readonly ofHousehold?: boolean;
    /** A yearly fact (the medical cost): the month's year. */
    readonly yearly?: boolean;
  };
  readonly warnings: readonly WarningRule[];
  /** Joint identification with 民政: the registry's mark this feed keeps; absent: the feed marks nobody. */
  readonly mark?: AssistanceMarkRule;
}

/** Columns every feed has. */
export const COMMON_COLUMNS = {
  idNumber: { heading: '身份证号', read: { type: 'text', max: 30 }, required: true },
  name: { heading: '姓名', read: { type: 'text', max: 50 }, required: true },
  month: { heading: '数据月份', read: { type: 'text', max: 20 }, required: true },
  countyCode: { heading: '县级区划代码', read: { type: 'text', max: 12 } },
  town: { heading: '乡镇', read: { type: 'text', max: 50 } },
} as const satisfies Record<string, FeedColumn>;

const assistance = (id: string, name: string, programme: AssistanceMarkKind, heading: string): FeedDefinition => ({
  id,
  department: 'mz',
  name,
  consent: 'social_security',
  columns: {
    status: { heading: '保障状态', read: { type: 'choice', choices: { 在保: 'in_care', 新增: 'in_care', 停保: 'stopped', 退出: 'stopped' } }, required: true },
    monthlyYuan: { heading, read: { type: 'yuan' } },
  },
  fact: { kind: 'social_assistance', fixed: { programme }, values: { status: 'status', monthlyYuan: 'monthlyYuan' } },
  warnings: [
    // Joint identification with 民政 (2026 No.1 Document, DOMAIN.md §10): a 低保/特困 household newly in care is looked at on the same income method.
    { id: `${id}_new`, name: `新纳入${name.replace('民政 ', '')}`, when: { field: 'status', op: 'in', values: ['in_care'] }, onlyIfChanged: { field: 'status' } },
  ],
  // 与农村低保、特困人员统筹认定: the household is marked as 民政's while the feed lists it in care.
  mark: { kind: programme, field: 'status', values: ['in_care'] },
});

/** The design's feeds: every department the issue names; a county's profile may replace them. */
export const DESIGN_FEEDS: readonly FeedDefinition[] = [
  assistance('mz_dibao', '民政 低保', 'dibao', '月保障金额（元）'),
  assistance('mz_tekun', '民政 特困', 'tekun', '月供养金额（元）'),
  {
    id: 'mz_temporary_aid',
    department: 'mz',
    name: '民政 临时救助',
    consent: 'social_security',
    columns: {
      aidYuan: { heading: '救助金额（元）', read: { type: 'yuan' }, required: true },
      reason: { heading: '救助事由', read: { type: 'text', max: 200 } },
    },
    fact: { kind: 'social_assistance', fixed: { programme: 'temporary_aid', status: 'paid' }, values: { yuan: 'aidYuan', reason: 'reason' } },
    warnings: [{ id: 'temporary_aid', name: '获得临时救助（突发困难）', when: { op: 'always' } }],
  },
  {
    id: 'jy_schooling',
    department: 'jy',
    name: '教育 就学与资助',
    consent: 'education',
    columns: {
      status: { heading: '就学状态', read: { type: 'choice', choices: { 在校: 'in_school', 在读: 'in_school', 辍学: 'out_of_school', 失学: 'out_of_school', 毕业: 'completed_compulsory', 已完成义务教育: 'completed_compulsory' } }, required: true },
      aidYuan: { heading: '资助金额（元）', read: { type: 'yuan' } },
    },
    fact: { kind: 'schooling', values: { status: 'status', aidYuan: 'aidYuan' } },
    warnings: [{ id: 'dropout', name: '辍学', when: { field: 'status', op: 'in', values: ['out_of_school'] }, onlyIfChanged: { field: 'status' } }],
  },
  {
    id: 'yb_medical',
    department: 'yb',
    name: '医保 个人自付与住院',
    consent: 'medical',
    columns: {
      outOfPocketYuan: { heading: '年度个人自付费用（元）', read: { type: 'yuan' }, required: true },
      hospitalStays: { heading: '住院次数', read: { type: 'count' } },
    },
    fact: { kind: 'medical_out_of_pocket', values: { yuan: 'outOfPocketYuan', hospitalStays: 'hospitalStays' }, yearly: true },
    warnings: [{ id: 'medical_above_line', name: '个人自付医疗费用超过预警线', when: { field: 'outOfPocketYuan', op: 'above_line', line: 'medicalOutOfPocketLineYuan' } }],
  },
  {
    id: 'cl_disability',
    department: 'cl',
    name: '残联 残疾等级',
    consent: 'social_security',
    columns: {
      grade: { heading: '残疾等级', read: { type: 'choice', choices: { 一级: '1', 二级: '2', 三级: '3', 四级: '4', '1': '1', '2': '2', '3': '3', '4': '4' } }, required: true },
    },
    fact: { kind: 'disability', values: { grade: 'grade' } },
    warnings: [{ id: 'disability_severe_new', name: '新增一、二级残疾', when: { field: 'grade', op: 'in', values: ['1', '2'] }, onlyIfChanged: { field: 'grade' } }],
  },
  {
    id: 'zj_housing',
    department: 'zj',
    name: '住建 房屋安全等级',
    consent: 'housing',
    columns: {
      safetyGrade: { heading: '房屋安全等级', read: { type: 'choice', choices: { A: 'A', B: 'B', C: 'C', D: 'D', A级: 'A', B级: 'B', C级: 'C', D级: 'D' } }, required: true },
      soleResidence: { heading: '是否唯一住房', read: { type: 'yes_no' } },
    },
    fact: { kind: 'housing', values: { safetyGrade: 'safetyGrade', soleResidence: 'soleResidence' }, ofHousehold: true },
    warnings: [{ id: 'house_c_d', name: '房屋鉴定为C级或D级', when: { field: 'safetyGrade', op: 'in', values: ['C', 'D'] }, onlyIfChanged: { field: 'safetyGrade' } }],
  },
  {
    id: 'sl_water',
    department: 'sl',
    name: '水利 饮水水质检测',
    consent: 'housing',
    columns: {
      status: { heading: '水质检测结果', read: { type: 'choice', choices: { 合格: 'safe', 不合格: 'unsafe', 未检测: 'not_tested' } }, required: true },
    },
    fact: { kind: 'drinking_water', values: { status: 'status' }, ofHousehold: true },
    warnings: [{ id: 'water_unsafe', name: '饮水水质不合格', when: { field: 'status', op: 'in', values: ['unsafe'] }, onlyIfChanged: { field: 'status' } }],
  },
  {
    id: 'rs_employment',
    department: 'rs',
    name: '人社 就业与参保',
    consent: 'income',
    columns: {
      employed: { heading: '就业状态', read: { type: 'choice', choices: { 就业: 'true', 在岗: 'true', 失业: 'false', 未就业: 'false' } }, required: true },
      insured: { heading: '是否参保', read: { type: 'yes_no' } },
    },
    fact: { kind: 'employment', values: { employed: 'employed', insured: 'insured' } },
    warnings: [{ id: 'employment_lost', name: '失去就业', when: { field: 'employed', op: 'in', values: ['false'] }, onlyIfChanged: { field: 'employed', previous: 'true' } }],
  },
  {
    id: 'jr_loans',
    department: 'jr',
    name: '金融办与银行 贷款',
    consent: 'assets',
    columns: {
      bank: { heading: '贷款银行', read: { type: 'text', max: 50 } },
      amountYuan: { heading: '贷款金额（元）', read: { type: 'yuan' }, required: true },
      balanceYuan: { heading: '贷款余额（元）', read: { type: 'yuan' } },
      overdue: { heading: '是否逾期', read: { type: 'yes_no' } },
    },
    fact: { kind: 'loan', values: { bank: 'bank', amountYuan: 'amountYuan', balanceYuan: 'balanceYuan', overdue: 'overdue' } },
    warnings: [{ id: 'loan_overdue', name: '贷款逾期', when: { field: 'overdue', op: 'in', values: ['true'] }, onlyIfChanged: { field: 'overdue' } }],
  },
];
