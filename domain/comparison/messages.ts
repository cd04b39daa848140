/** What people read about the data comparison 部门数据比对. */
import { maskIdNumber } from '../people/id-number.js';

export const comparisonMessages = {
  feedUnknown: '没有这一类比对数据，请从列表中选择数据类别',
  otherDepartment: (owner: string) => `这类数据由${owner}上传，本部门不能上传其他部门的数据`,
  departmentMissing: (code: string) => `本县还没有设置负责这类数据的部门（${code}），请县乡村振兴局先在部门管理中添加`,
  departmentRetired: (name: string) => `${name}已撤销，不能再上传这类数据；请县乡村振兴局在政策配置中把这类数据交给现在负责的部门`,
  wrongType: '请上传 .xlsx 或 .csv 格式的比对数据文件',
  unreadable: '文件无法读取，请确认是 .xlsx 或 .csv 文件，不要加密',
  tooLarge: (mb: number) => `文件超过 ${mb} MB，请按乡镇拆分后分别上传`,
  noHeadings: (headings: string) => `文件前几行没有找到表头（需要包含：${headings}）`,
  missingColumns: (headings: string) => `文件缺少这些列：${headings}，整份文件未导入`,
  unknownColumns: (headings: string) => `文件里有本类数据没有的列：${headings}。请使用本类数据的模板，或确认没有选错数据类别，整份文件未导入`,
  wrongMonth: (row: number, month: string, declared: string) => `第${row}行的数据月份是${month}，与本次比对月份${declared}不符，整份文件未导入`,
  badMonthCell: (row: number) => `第${row}行的数据月份无法识别（应为 2026-11 这样的月份），整份文件未导入`,
  wrongCounty: (row: number) => `第${row}行的县级区划代码不是本县的，整份文件未导入`,
  futureMonth: '比对月份不能晚于本月',
  empty: '文件里没有数据行',
  batchNotFound: '没有找到这批比对数据',
  warningNotFound: '没有找到这条比对预警',
  followUpDone: '这条预警已经记录了跟进情况',
  reason: {
    idNumber: (why: string) => `身份证号有误：${why}`,
    required: (heading: string) => `“${heading}”不能为空`,
    choice: (heading: string, allowed: string) => `“${heading}”只能填写：${allowed}`,
    amount: (heading: string) => `“${heading}”不是有效金额`,
    count: (heading: string) => `“${heading}”应为非负整数`,
    yesNo: (heading: string) => `“${heading}”只能填写“是”或“否”`,
    tooLong: (heading: string, max: number) => `“${heading}”不能超过${max}个字`,
    duplicate: '同一身份证号在文件中重复出现，只比对第一次出现的行',
  },
  outcome: { matched: '已比对', unknown: '系统内无此人（待乡镇核实）', rejected: '数据有误未比对', no_consent: '未签承诺授权书，未比对' } as Record<string, string>,
  routed: { follow_up: '监测户：跟进帮扶', discovery: '非监测户：发起识别' } as Record<string, string>,
  notification: {
    title: (feed: string) => `部门比对预警：${feed}`,
    body: (feed: string, month: string, rule: string, head: string, idNumber: string, days: number | undefined) =>
      `${month}${feed}数据比对发现：${head}户成员（${maskIdNumber(idNumber)}）${rule}。${days ? `请在${days}天内入户核实并记录跟进情况。` : '本县未配置跟进时限，请尽快入户核实并记录跟进情况。'}`,
  },
  fileEntry: (feed: string, month: string) => `${month}${feed}比对`,
  /** The source the console names for the monthly re-assessment's own warnings. */
  monthlySource: '月度信息更新研判',
  /** The monthly re-assessment's own warning 预警 → 因户施策, routed as a feed's is. */
  monthlyWarning: {
    rule: '月度研判预警',
    title: '月度研判预警',
    body: (period: string, head: string, reasons: string, days: number | null) =>
      `${period}月度信息更新研判发现：${head}户${reasons}。${days ? `请在${days}天内入户核实、因户施策并记录跟进情况。` : '本县未配置跟进时限，请尽快入户核实、因户施策并记录跟进情况。'}`,
  },
  notConfigured: '未配置',
  signedOnFormat: '签署日期应为 YYYY-MM-DD',
  consentNeedsHead: '请先登记户主及其身份证号，再登记承诺授权书',
  consentNotFound: '没有找到这份承诺授权书，或它已经撤回',
  discoveryReason: (feed: string, month: string, rule: string, row: number) => `${month}${feed}比对预警：${rule}（第${row}行）`,
  pushFileName: '部门系统推送',
  closeOnlyBureau: '只有县乡村振兴局可以结束本月的部门数据比对',
  monthClosed: (month: string) => `${month}的部门数据比对已经结束，不能再上传或结束一次；如有新数据请在下月比对中上传`,
  monthNotOpened: (month: string) => `${month}还没有收到任何部门的比对数据，无需结束`,
  reportFileName: (month: string) => `部门数据比对报告-${month}.xlsx`,
  report: {
    sheet: '比对报告',
    total: '合计',
    headings: ['数据类别', '部门', '批次', '收到行数', '已比对', '系统内无此人', '数据有误', '未签承诺授权', '预警', '涉及户数'],
    skipped: '未比对（未签承诺授权）',
    skippedHeadings: ['数据类别', '行号', '姓名', '身份证号'],
  },
} as const;
