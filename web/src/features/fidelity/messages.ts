/** The console's words for re-checking 复核 a household's records and for the focus-analysis filter (Simplified Chinese). */
export const ft = {
  rederive: {
    title: '复核',
    intro: '每条测算和认定决定按当时保存的数据和所用政策版本重新计算，与保存的结果并列',
    time: '记录时间',
    record: '记录',
    version: '政策版本',
    stored: '保存的结果',
    derived: '复算结果',
    verdict: '复核结论',
    agree: '一致',
    disagree: '不一致',
    notDerivable: '无法复算',
    none: '暂无测算或认定记录',
    versionOf: (id: string, version: number) => `${id} 第${version}版`,
    unknownVersion: '未记录',
    perCapita: (yuan: string) => `人均 ${yuan} 元`,
    line: (yuan: string) => `监测标准 ${yuan} 元`,
    deciding: '（决定环节）',
  },
  focus: {
    label: '重点分析',
    any: '任一重点分析情形',
    names: {
      incomeDown: '收入较上年下降',
      belowMonitoring: '低于监测标准',
      belowFocusLine: '低于重点分析线',
      transferShareHigh: '转移性收入占比过高',
      noLabourLowIncome: '整户无劳动能力且收入低',
    },
  },
} as const;
