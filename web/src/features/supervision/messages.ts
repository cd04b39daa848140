import { periodName } from '../../app/time.js';

/** The overdue board's trend by month 逾期趋势: its words in one place. */
export const trendTexts = {
  title: (by: string) => `逾期趋势：近6个月各月末逾期事项（${by}）`,
  month: (period: string) => periodName(period),
  monthHeading: (period: string, current: boolean, by: string) => `${periodName(period)}${current ? '（截至目前）' : '月末'}逾期事项（${by}）`,
  monthHint: '点击图中柱形或表中月份，查看该月各单位的逾期分档；本月的数字可打开逾期清单。',
  close: '收起',
};
