/**
 * Who may do what: one table of the actions a person asks for, each with the
 * roles that may ask and its name as a county user reads it in a refusal.
 * Where (which household, town or area) is checked beside it, by place.
 * The API refuses with it before a workflow sees the request; the workflows'
 * validators may use the same table.
 */
import { countyItemMessages, messages } from '../messages/catalogue.js';
import { townMessages } from '../town/messages.js';
import { ELIMINATION_STEP_NAMES } from '../identification/elimination.js';
import { STEP_NAMES, STEP_ROLES } from '../identification/steps.js';
import { COUNTY_ITEM_ROLES, MONTHLY_ROLES, RESPONSIBLE_ASSIGNERS, ROLE_NAMES, type Actor, type Role } from './roles.js';

export interface ActionRule {
  readonly roles: readonly Role[];
  /** The action in the words of a refusal: “村干部”不能办理“部署突发情况排查”. */
  readonly name: string;
}

const CADRES_AND_BUREAU: readonly Role[] = ['village_cadre', 'town_officer', 'county_bureau'];

export const ACTIONS = {
  registerHousehold: { roles: CADRES_AND_BUREAU, name: '建档登记' },
  /** A discovery 发现 opens (or joins) an identification case; a department only by its warning channel. */
  openCase: { roles: ['village_cadre', 'town_officer', 'county_bureau', 'department'], name: '发现登记' },
  // The review steps, as the identification step machine gives them (domain/identification/steps.ts).
  apply: { roles: STEP_ROLES.application, name: STEP_NAMES.application },
  villageReview: { roles: STEP_ROLES.village_review, name: STEP_NAMES.village_review },
  raiseObjection: { roles: STEP_ROLES.public_notice, name: '公示异议登记' },
  departmentComparison: { roles: STEP_ROLES.department_comparison, name: STEP_NAMES.department_comparison },
  townAudit: { roles: STEP_ROLES.town_audit, name: STEP_NAMES.town_audit },
  countyDecision: { roles: STEP_ROLES.county_decision, name: STEP_NAMES.county_decision },
  proposeElimination: { roles: STEP_ROLES.application, name: ELIMINATION_STEP_NAMES.application },
  rollbackElimination: { roles: ['county_bureau'], name: '风险消除回退' },
  visit: { roles: MONTHLY_ROLES, name: '入户走访' },
  draftPlan: { roles: ['village_cadre', 'town_officer'], name: '制定帮扶措施' },
  confirmPlan: { roles: ['village_cadre', 'town_officer'], name: '确定帮扶措施' },
  reassignTask: { roles: ['town_officer'], name: '重新指派帮扶任务' },
  waiveRequirement: { roles: ['county_bureau'], name: '说明必要措施未办结的理由' },
  registerMember: { roles: CADRES_AND_BUREAU, name: '家庭成员登记' },
  assignResponsible: { roles: RESPONSIBLE_ASSIGNERS, name: '调整帮扶责任人' },
  monthlyUpdate: { roles: MONTHLY_ROLES, name: '月度信息更新' },
  /** A town's officers order one for their own town (the area is checked by place). */
  orderScreening: { roles: ['county_bureau', 'leadership_group', 'town_officer'], name: '部署突发情况排查' },
  viewOverdueTasks: { roles: ['supervisor', 'county_bureau', 'leadership_group'], name: '查看逾期任务' },
  actOnTask: { roles: ['department', 'department_head'], name: '办理帮扶任务' },
  /** The supervisor's overdue board 逾期督查看板, by town and by department. */
  viewOverdueBoard: { roles: ['supervisor', 'county_bureau', 'leadership_group'], name: '查看逾期督查看板' },
  /** The leadership group's dashboard 领导小组看板 of the county. */
  viewDashboard: { roles: ['supervisor', 'county_bureau', 'leadership_group'], name: '查看领导小组看板' },
  /**
   * A town's own officers read its reports; the county's bureau, supervisors and leadership group too, read-only
   * (the leadership group reads the county's ledgers, issue 14, and the town's monthly report is one of them).
   */
  readTownReports: { roles: ['town_officer', 'county_bureau', 'supervisor', 'leadership_group'], name: '查看乡镇报告' },
  submitTownReport: { roles: ['town_officer'], name: townMessages.submitReportAction },
  completeTownItem: { roles: ['town_officer'], name: townMessages.completeItemAction },
  completeCountyItem: { roles: COUNTY_ITEM_ROLES, name: countyItemMessages.completeAction },
  /** A household's self-report 农户自主申报: the village and town read it and record the home visit. */
  handleSelfReport: { roles: MONTHLY_ROLES, name: '农户自主申报入户核实' },
  /** Each village's notice card 明白卡 with its code to scan. */
  printNoticeCards: { roles: CADRES_AND_BUREAU, name: '打印明白卡' },
  /** Importing a caseload file 导入存量数据 of the user's jurisdiction. */
  importCaseload: { roles: CADRES_AND_BUREAU, name: '导入存量数据' },
  /** The ledgers and forms 台账、附件 in Excel, of the user's jurisdiction. */
  exportLedgers: { roles: ['village_cadre', 'town_officer', 'county_bureau', 'supervisor', 'leadership_group'], name: '导出台账' },
  /**
   * Special inspection campaigns 专项督查 [004]: defined and closed with the notice 通报 by the leadership group or the county bureau;
   * a town's officers for their own town only (the area is checked by place, api/services/campaigns.ts).
   */
  defineCampaign: { roles: ['leadership_group', 'county_bureau', 'town_officer'], name: '部署专项督查' },
  publishCampaignNotice: { roles: ['leadership_group', 'county_bureau', 'town_officer'], name: '发布专项督查通报' },
  campaignCheck: { roles: ['village_cadre', 'town_officer', 'department'], name: '专项督查核查整改' },
  viewCampaigns: { roles: ['leadership_group', 'county_bureau', 'supervisor', 'town_officer', 'village_cadre', 'department'], name: '查看专项督查' },
  /** Drafts, checks and publishes the county's policy versions 政策版本. */
  managePolicy: { roles: ['county_bureau'], name: '维护政策版本' },
  /** Enters a year's State Council holiday notice and its days in the working-day calendar 工作日历. */
  manageCalendar: { roles: ['county_bureau'], name: '维护工作日历' },
  /** The county's own administration: places, people, departments and their channels (县乡村振兴局). */
  administerCounty: { roles: ['county_bureau'], name: '县级系统管理（地区、用户、部门）' },
  /** Who changed what in the county's administration 管理操作记录. */
  viewAdminChanges: { roles: ['county_bureau'], name: '查看管理操作记录' },
  /** A new county with its province and city, its policy profile and its first bureau user. */
  createCounty: { roles: ['system_admin'], name: '新建县' },
  /** The counties of a province or city, aggregated, read-only. */
  viewRegion: { roles: ['regional_viewer'], name: '查看辖区各县概况' },
  /** A department's monthly feed for the data comparison 部门数据比对 (the county bureau may upload any department's). */
  uploadFeed: { roles: ['department', 'department_head', 'county_bureau'], name: '上传部门比对数据' },
  viewComparison: { roles: ['county_bureau', 'supervisor', 'leadership_group', 'town_officer', 'village_cadre', 'department', 'department_head'], name: '查看部门数据比对' },
  /** What was done about a comparison warning 比对预警跟进. */
  followUpWarning: { roles: ['village_cadre', 'town_officer', 'county_bureau'], name: '记录比对预警跟进情况' },
  /** A household's consent 承诺授权书 for departments to check its data, on paper. */
  recordConsent: { roles: CADRES_AND_BUREAU, name: '登记承诺授权书' },
  /** The month's data comparison closed with its report 结束本月比对. */
  closeComparison: { roles: ['county_bureau'], name: '结束本月部门比对' },
  /** The review cases waiting on the user's steps 待办审核 (the county's decisions, the town's audits). */
  viewReviewQueue: { roles: CADRES_AND_BUREAU, name: '查看待办审核' },
} as const satisfies Record<string, ActionRule>;

export type Action = keyof typeof ACTIONS;

export function mayDo(actor: Pick<Actor, 'role'>, action: Action): boolean {
  return (ACTIONS[action].roles as readonly Role[]).includes(actor.role);
}

/** The refusal a person reads when their role may not do `action`: “村干部”不能办理“部署突发情况排查”; null when it may. */
export function roleRefusal(actor: Pick<Actor, 'role'>, action: Action): string | null {
  if (mayDo(actor, action)) return null;
  return messages.forbiddenRole(ACTIONS[action].name, ROLE_NAMES[actor.role] ?? actor.role);
}
