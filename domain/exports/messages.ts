/**
 * Titles and headings of the ledgers and forms the console exports. The seeds
 * name the ledgers (the roster of monitoring objects 监测对象台账 [001], 附件1–6
 * [001], 增收帮扶台账 [004], 就业台账 [003]) but give no column headings; the
 * headings below are this system's own field names (domain/messages/fields.ts)
 * until a county enters its official ones.
 */
import { FIELD_LABELS } from '../messages/fields.js';

export const exportMessages = {
  roster: {
    sheet: '监测对象台账',
    title: (place: string) => `${place}防止返贫监测对象台账`,
    fileName: (place: string) => `${place}监测对象台账.xlsx`,
    headings: ['序号', FIELD_LABELS.townId!, FIELD_LABELS.villageId!, FIELD_LABELS.headName!, FIELD_LABELS.idNumber!, FIELD_LABELS.memberCount!, '监测对象类别', FIELD_LABELS.stage!, FIELD_LABELS.riskCauses!, '纳入监测时间', FIELD_LABELS.address!],
  },
  householdFile: {
    fileName: (head: string) => `${head}户一户一档.xlsx`,
    basics: '基本信息',
    basicsTitle: (head: string) => `${head}户基本信息`,
    basicsHeadings: ['项目', '内容'],
    fields: { town: FIELD_LABELS.townId!, village: FIELD_LABELS.villageId!, headName: FIELD_LABELS.headName!, address: FIELD_LABELS.address!, category: FIELD_LABELS.category!, stage: FIELD_LABELS.stage!, memberCount: FIELD_LABELS.memberCount! },
    members: '家庭成员',
    membersHeadings: ['序号', FIELD_LABELS.name!, FIELD_LABELS.idNumber!, FIELD_LABELS.relation!, FIELD_LABELS.labourAbility!, FIELD_LABELS.isStudent!, FIELD_LABELS.disabilityGrade!, FIELD_LABELS.chronicIllness!],
    history: '档案记录',
    historyTitle: (head: string) => `${head}户档案记录（一户一档）`,
    historyHeadings: ['序号', '时间', '事项', '经办人', '内容'],
    yes: '是',
    no: '否',
  },
  incomeCalculation: {
    /** The seed's name of 附件3-2 [001]; its columns are not given there. */
    sheet: '收支测算表',
    title: (head: string) => `致贫返贫风险户收支测算表（${head}户）`,
    fileName: (head: string) => `${head}户收支测算表.xlsx`,
    incomeTotal: '收入合计',
    spendingTotal: '支出合计',
    rigidTotal: '刚性支出合计',
    period: FIELD_LABELS.period!,
    total: '合计',
    projected: (months: number) => `按已采集的 ${months} 个月推算全年（合计 ÷ ${months} × 12）`,
    perCapita: '人均（元/人/年）',
    members: FIELD_LABELS.memberCount!,
  },
  exportedAt: (when: string) => `导出时间：${when}`,
  outside: '只能导出本辖区的台账',
} as const;
