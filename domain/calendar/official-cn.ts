/**
 * The national working-day calendar: each year's notice of the State Council
 * General Office 国务院办公厅关于…年部分节假日安排的通知, line by line. A new year
 * is a new entry, copied from the notice when it is published (usually
 * October–December of the year before); until then that year's dates are
 * refused (see `BeyondCoverage`).
 */
import type { WorkCalendar } from './working-days.js';

export const OFFICIAL_CN_CALENDAR: WorkCalendar = {
  id: 'official-cn',
  name: '国务院办公厅部分节假日安排',
  beyondCoverage: 'error',
  years: [
    {
      year: 2020,
      // 国办发明电〔2019〕16号 gave the Spring Festival as 24–30 January with Sunday 19 January and
      // Saturday 1 February worked; the extension (gov.cn, 2020-01-27) ran it to 2 February, so
      // 31 January – 2 February are rest days and 1 February is no longer worked.
      notice: '国务院办公厅关于2020年部分节假日安排的通知（国办发明电〔2019〕16号，2019年11月21日）；国务院办公厅关于延长2020年春节假期的通知（2020年1月27日）',
      holidays: [
        { name: '元旦', from: '2020-01-01', to: '2020-01-01' },
        { name: '春节', from: '2020-01-24', to: '2020-02-02', workdays: ['2020-01-19'] },
        { name: '清明节', from: '2020-04-04', to: '2020-04-06' },
        { name: '劳动节', from: '2020-05-01', to: '2020-05-05', workdays: ['2020-04-26', '2020-05-09'] },
        { name: '端午节', from: '2020-06-25', to: '2020-06-27', workdays: ['2020-06-28'] },
        { name: '国庆节、中秋节', from: '2020-10-01', to: '2020-10-08', workdays: ['2020-09-27', '2020-10-10'] },
      ],
    },
    {
      year: 2021,
      notice: '国务院办公厅关于2021年部分节假日安排的通知（国办发明电〔2020〕27号，2020年11月25日）',
      holidays: [
        { name: '元旦', from: '2021-01-01', to: '2021-01-03' },
        { name: '春节', from: '2021-02-11', to: '2021-02-17', workdays: ['2021-02-07', '2021-02-20'] },
        { name: '清明节', from: '2021-04-03', to: '2021-04-05' },
        { name: '劳动节', from: '2021-05-01', to: '2021-05-05', workdays: ['2021-04-25', '2021-05-08'] },
        { name: '端午节', from: '2021-06-12', to: '2021-06-14' },
        { name: '中秋节', from: '2021-09-19', to: '2021-09-21', workdays: ['2021-09-18'] },
        { name: '国庆节', from: '2021-10-01', to: '2021-10-07', workdays: ['2021-09-26', '2021-10-09'] },
      ],
    },
    {
      year: 2022,
      notice: '国务院办公厅关于2022年部分节假日安排的通知（国办发明电〔2021〕11号，2021年10月25日）',
      holidays: [
        { name: '元旦', from: '2022-01-01', to: '2022-01-03' },
        { name: '春节', from: '2022-01-31', to: '2022-02-06', workdays: ['2022-01-29', '2022-01-30'] },
        { name: '清明节', from: '2022-04-03', to: '2022-04-05', workdays: ['2022-04-02'] },
        { name: '劳动节', from: '2022-04-30', to: '2022-05-04', workdays: ['2022-04-24', '2022-05-07'] },
        { name: '端午节', from: '2022-06-03', to: '2022-06-05' },
        { name: '中秋节', from: '2022-09-10', to: '2022-09-12' },
        { name: '国庆节', from: '2022-10-01', to: '2022-10-07', workdays: ['2022-10-08', '2022-10-09'] },
      ],
    },
    {
      year: 2023,
      notice: '国务院办公厅关于2023年部分节假日安排的通知（国办发明电〔2022〕16号，2022年12月8日）',
      holidays: [
        // “元旦：2022年12月31日至2023年1月2日放假调休，共3天。”
        { name: '元旦', from: '2022-12-31', to: '2023-01-02' },
        { name: '春节', from: '2023-01-21', to: '2023-01-27', workdays: ['2023-01-28', '2023-01-29'] },
        { name: '清明节', from: '2023-04-05', to: '2023-04-05' },
        { name: '劳动节', from: '2023-04-29', to: '2023-05-03', workdays: ['2023-04-23', '2023-05-06'] },
        { name: '端午节', from: '2023-06-22', to: '2023-06-24', workdays: ['2023-06-25'] },
        { name: '中秋节、国庆节', from: '2023-09-29', to: '2023-10-06', workdays: ['2023-10-07', '2023-10-08'] },
      ],
    },
    {
      year: 2024,
      // New Year's Eve of the Spring Festival (9 February) stays a working day: the notice only
      // encourages employers to let people rest then.
      notice: '国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号，2023年10月25日）',
      holidays: [
        { name: '元旦', from: '2024-01-01', to: '2024-01-01' },
        { name: '春节', from: '2024-02-10', to: '2024-02-17', workdays: ['2024-02-04', '2024-02-18'] },
        { name: '清明节', from: '2024-04-04', to: '2024-04-06', workdays: ['2024-04-07'] },
        { name: '劳动节', from: '2024-05-01', to: '2024-05-05', workdays: ['2024-04-28', '2024-05-11'] },
        { name: '端午节', from: '2024-06-10', to: '2024-06-10' },
        { name: '中秋节', from: '2024-09-15', to: '2024-09-17', workdays: ['2024-09-14'] },
        { name: '国庆节', from: '2024-10-01', to: '2024-10-07', workdays: ['2024-09-29', '2024-10-12'] },
      ],
    },
    {
      year: 2025,
      // The first year under the revised 全国年节及纪念日放假办法 (New Year's Eve and 2 May added).
      notice: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）',
      holidays: [
        { name: '元旦', from: '2025-01-01', to: '2025-01-01' },
        { name: '春节', from: '2025-01-28', to: '2025-02-04', workdays: ['2025-01-26', '2025-02-08'] },
        { name: '清明节', from: '2025-04-04', to: '2025-04-06' },
        { name: '劳动节', from: '2025-05-01', to: '2025-05-05', workdays: ['2025-04-27'] },
        { name: '端午节', from: '2025-05-31', to: '2025-06-02' },
        { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08', workdays: ['2025-09-28', '2025-10-11'] },
      ],
    },
    {
      year: 2026,
      notice: '国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号，2025年11月4日）',
      holidays: [
        { name: '元旦', from: '2026-01-01', to: '2026-01-03', workdays: ['2026-01-04'] },
        { name: '春节', from: '2026-02-15', to: '2026-02-23', workdays: ['2026-02-14', '2026-02-28'] },
        { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
        { name: '劳动节', from: '2026-05-01', to: '2026-05-05', workdays: ['2026-05-09'] },
        { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
        { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
        { name: '国庆节', from: '2026-10-01', to: '2026-10-07', workdays: ['2026-09-20', '2026-10-10'] },
      ],
    },
  ],
};
