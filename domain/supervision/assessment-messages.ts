/** The words of the monthly assessment 考核 screen, its workbook and its refusals. */
import type { AssessmentComponent, MissingSetting } from './assessment.js';

export const ASSESSMENT_COMPONENT_NAMES: Record<AssessmentComponent, string> = {
  monthlyUpdates: '月度信息按时更新',
  tasks: '帮扶任务按期办结',
  warnings: '风险预警及时处置',
  rectifications: '督查问题按期整改',
};

export const MISSING_SETTING_NAMES: Record<MissingSetting, string> = {
  ...Object.fromEntries(Object.entries(ASSESSMENT_COMPONENT_NAMES).map(([k, v]) => [k, `“${v}”权重`])),
  pointsPerOverdueDay: '任务逾期每天扣分',
  warningActionDays: '预警处置天数',
} as Record<MissingSetting, string>;

export const assessmentMessages = {
  futureMonth: '不能考核尚未开始的月份',
  /** The settings the county has not entered in its policy profile. */
  missing: (names: readonly string[]) => `本县政策配置未设置${names.join('、')}（未配置），暂不能计分，请县乡村振兴局在政策配置中填写`,
  workbook: {
    fileName: (month: string, byTown: boolean) => `${month.replace('-', '年')}月${byTown ? '乡镇' : '部门'}考核排名.xlsx`,
    title: (month: string, byTown: boolean) => `${month.replace('-', '年')}月${byTown ? '各乡镇' : '各部门'}防止返贫监测帮扶工作考核排名`,
    sheet: '考核排名',
    asOf: (at: string) => `统计截至：${at}`,
    note: (text: string) => `说明：${text}`,
    columns: ['名次', '单位', '得分', '较上月', '逾期天数', '逾期扣分'],
    componentColumns: (name: string) => [`${name}（应办）`, `${name}（按时）`, `${name}（得分）`],
    noScore: '未计分',
    notApplicable: '—',
  },
} as const;
