import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { FeedRefusal, readFeedFile } from '../../activities/comparison/read-feed.js';
import { DESIGN_FEEDS } from '../../domain/comparison/feeds.js';
import { comparisonPolicyProblems, comparisonSettings } from '../../domain/comparison/policy.js';
import { readFeedRow, recogniseHeadings, ruleMeets } from '../../domain/comparison/rows.js';
import { EMPTY, type Cell } from '../../domain/imports/cells.js';
import { checkCharacter } from '../../domain/people/id-number.js';
import { policyProfiles } from '../../domain/policy/index.js';

const feed = (id: string) => DESIGN_FEEDS.find((f) => f.id === id)!;
const today = { year: 2026, month: 12, day: 1 };
const person = (() => {
  const first17 = '11010119700101001';
  return first17 + checkCharacter(first17);
})();
const cells = (values: Record<string, string>) => (field: string): Cell => (values[field] === undefined ? EMPTY : { kind: 'text', text: values[field]! });

describe('department feeds as data', () => {
  it('gives every department the issue names a feed with a fact rule, and no seed county a number it does not have', () => {
    expect(new Set(DESIGN_FEEDS.map((f) => f.department))).toEqual(new Set(['mz', 'jy', 'yb', 'cl', 'zj', 'sl', 'rs', 'jr']));
    expect(comparisonPolicyProblems({ feeds: DESIGN_FEEDS }, 'design')).toEqual([]);
    for (const id of ['boluo', 'mile', 'xuwen', 'xinfeng', 'suyuan']) {
      const settings = comparisonSettings(policyProfiles[id]!.at(-1)!.comparison);
      expect(settings.followUpDays, id).toBeUndefined();
      expect(settings.lines, id).toEqual({});
    }
    expect(comparisonSettings(policyProfiles.shifan!.at(-1)!.comparison)).toMatchObject({ followUpDays: 15, lines: { medicalOutOfPocketLineYuan: 10_000 } });
  });

  it('refuses a file whose headings miss a required column or add an unknown one', () => {
    expect(recogniseHeadings(feed('yb_medical'), ['身份证号', '姓名', '数据月份'])).toEqual({ ok: false, reason: '文件缺少这些列：年度个人自付费用（元），整份文件未导入' });
    expect(recogniseHeadings(feed('yb_medical'), ['身份证号', '姓名', '数据月份', '年度个人自付费用(元)', '银行卡号'])).toMatchObject({ ok: false, reason: expect.stringContaining('银行卡号') });
    expect(recogniseHeadings(feed('yb_medical'), ['标题'])).toBeUndefined();
  });

  it('turns a row into its fact and the rule it meets; the line 未配置 fires nothing', () => {
    const configured = comparisonSettings({ lines: { medicalOutOfPocketLineYuan: 10_000 } });
    const row = readFeedRow(feed('yb_medical'), configured, cells({ idNumber: person, name: '甲', month: '2026-12', outOfPocketYuan: '10,000.01' }), today);
    expect(row).toMatchObject({ idNumber: person, errors: [], factValue: { yuan: 10000.01 }, warning: { id: 'medical_above_line' } });
    expect(readFeedRow(feed('yb_medical'), configured, cells({ idNumber: person, name: '甲', month: '2026-12', outOfPocketYuan: '10000' }), today).warning).toBeNull();
    expect(readFeedRow(feed('yb_medical'), comparisonSettings(undefined), cells({ idNumber: person, name: '甲', month: '2026-12', outOfPocketYuan: '99999' }), today).warning).toBeNull();
    const employment = readFeedRow(feed('rs_employment'), configured, cells({ idNumber: person, name: '甲', month: '2026-12', employed: '失业' }), today);
    expect(employment).toMatchObject({ factValue: { employed: false }, warning: { id: 'employment_lost', onlyIfChanged: { previous: 'true' } } });
    expect(ruleMeets(feed('zj_housing').warnings[0]!, { safetyGrade: 'B' }, configured)).toBe(false);
  });

  it('rejects a row with a malformed ID number or a word the department may not write, with the reason', () => {
    const bad = readFeedRow(feed('zj_housing'), comparisonSettings(undefined), cells({ idNumber: `${person.slice(0, 17)}Y`, name: '甲', month: '2026-12', safetyGrade: 'E' }), today);
    expect(bad.factValue).toBeNull();
    expect(bad.errors).toEqual([expect.stringMatching(/^身份证号有误/), '“房屋安全等级”只能填写：A、B、C、D、A级、B级、C级、D级']);
  });

  it('refuses a file beyond the size limit while reading it', async () => {
    const csv = `身份证号,姓名,数据月份,水质检测结果\n${`${person},甲,2026-12,合格\n`.repeat(200)}`;
    const file = readFeedFile(Readable.from([Buffer.from(csv)]), 'csv', { feed: feed('sl_water'), settings: comparisonSettings(undefined), month: '2026-12', countyId: '110101', today, maxBytes: 1000 });
    const read = async () => {
      for await (const row of file.rows) void row;
    };
    await expect(read()).rejects.toThrow(new FeedRefusal('文件超过 0 MB，请按乡镇拆分后分别上传'));
  });
});
