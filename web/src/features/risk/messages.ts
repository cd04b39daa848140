/** The risk colour screens' words 风险等级. */
export const rt = {
  column: '风险等级',
  notConfigured: '未配置',
  tagLabel: (name: string, because: string) => `${name}：${because}`,
  card: '农户风险等级',
  green: '绿色',
  yellow: '黄色',
  red: '红色',
  town: '乡镇',
  county: '全县',
  tableLabel: '各乡镇农户风险等级',
  rules: (red: string, yellow: string) => `红色：${red}；黄色：${yellow}；其余为绿色`,
  note: (text: string) => `说明：${text}`,
  unit: '户',
  open: (colour: string, n: number) => `查看全县${colour}农户（${n} 户）`,
  openTown: (town: string, colour: string, n: number) => `查看${town}${colour}农户（${n} 户）`,
} as const;
