/**
 * Texts of re-derivation 复算 and the what-if 试算 (issue 17), in Simplified
 * Chinese, kept beside the catalogue so that other subjects' wording is not touched.
 */
export const fidelityMessages = {
  monthInProgressLeftOut: (month: string, last: string) =>
    `${month} 尚未过完且没有收入记录，不按 0 元计入；收入按截至 ${last} 的月份测算`,
  notDerivable: '该记录保存于可复算之前，没有保存测算所用的全部数据，无法复算',
  profileMissing: (id: string, version: number) => `找不到政策版本 ${id} v${version}，无法复算`,
  profileMalformed: (id: string, version: number) => `政策版本 ${id} v${version} 的内容不完整，无法复算`,
  notDerivableKind: '该类记录不是测算或认定决定，无需复算',
  agree: '复算结果与保存的结果一致',
  disagree: (fields: string) => `复算结果与保存的结果不一致：${fields}`,
  caseNotFound: '找不到该决定所属的认定案件',
  fieldNames: {
    conclusion: '结论',
    perCapitaFen: '人均收入',
    monitoringLine: '监测标准',
    warningLine: '预警线',
    belowMonitoring: '是否低于监测标准',
    belowWarning: '是否低于预警线',
    focus: '重点分析',
    explanation: '说明',
    deciding: '是否决定环节',
    outcome: '决定结果',
    steps: '认定程序',
    publicNoticeDays: '公示天数',
  } as Record<string, string>,
  outcomeNames: { approved: '认定通过', rejected: '不予认定', returned: '退回补充', step_approved: '本环节通过' } as Record<string, string>,
  whatIf: {
    enter: '将纳入监测',
    leave: '将不再符合监测条件',
    warn: '将收到预警',
    noCaseload: '本县暂无可试算的农户',
    draftNotFound: '找不到该草稿版本',
  },
} as const;
