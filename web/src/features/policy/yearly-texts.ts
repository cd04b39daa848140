/** What the card of yearly input figures says. */
export const yearlyTexts = {
  title: '逐年计算所需数据（文件未给出，请县里录入）',
  intro: (quote: string) => `按文件规定逐年计算监测标准：“${quote}”。下列年份的基数文件未给出，系统不作推算，请录入后检查。`,
  amount: (year: number, inputName: string) => `${year}年${inputName}（元/人·年）`,
  basis: (year: number, inputName: string) => `${year}年${inputName}的依据（文件名称和文号）`,
  defaultBasis: (year: number, inputName: string) => `县里录入的${year}年${inputName}`,
  entered: (year: number, line: number) => `${year}年监测标准将为 ${line} 元`,
  none: '逐年计算所需的数据均已齐备',
  group: (year: number, inputName: string) => `${year}年${inputName}（县里录入）`,
} as const;
