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
  exportedAt: (when: string) => `导出时间：${when}`,
  outside: '只能导出本辖区的台账',
} as const;
