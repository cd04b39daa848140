import { describe, expect, it } from 'vitest';
import { idNumberText, readDate, readFen, readPeriod, readYesNo, type Cell } from '../../domain/imports/cells.js';
import { checkFinanceRow, checkMemberRow } from '../../domain/imports/rows.js';
import { checkCharacter } from '../../domain/people/id-number.js';

const text = (t: string): Cell => ({ kind: 'text', text: t });
const today = { year: 2026, month: 12, day: 1 };

/** An ID number whose check character is X, for the lower-case x case. */
function endingInX(): string {
  for (let seq = 100; seq < 999; seq++) {
    const first17 = `11010119800101${seq}`;
    if (checkCharacter(first17) === 'X') return `${first17}X`;
  }
  throw new Error('none');
}

describe('reading a cell as a clerk typed it', () => {
  it('reads dates from Excel serials, date cells and the usual ways of writing them', () => {
    for (const cell of [{ kind: 'number', value: 44197 } as Cell, text('2021-01-01'), text('2021/1/1'), text('2021.1.1'), text('2021年1月1日'), text('20210101'), text('２０２１－０１－０１'.replace(/－/g, '-'))]) {
      expect(readDate(cell), JSON.stringify(cell)).toEqual({ year: 2021, month: 1, day: 1 });
    }
    expect(readDate(text('2021-02-30'))).toBeUndefined();
    expect(readDate(text('明年'))).toBeUndefined();
  });

  it('reads months and amounts', () => {
    expect([text('2026-03'), text('2026年3月'), text('202603'), { kind: 'number', value: 46082 } as Cell].map(readPeriod)).toEqual(['2026-03', '2026-03', '2026-03', '2026-03']);
    expect(readPeriod(text('2026-13'))).toBeUndefined();
    expect([text('1,234.5'), text('￥80'), { kind: 'number', value: 0.1 + 0.2 } as Cell].map(readFen)).toEqual([123450, 8000, 30]);
    expect(readFen(text('一千'))).toBeUndefined();
    expect([text('是'), text('否'), { kind: 'empty' } as Cell, text('也许')].map(readYesNo)).toEqual([true, false, false, undefined]);
  });

  it('normalises full-width digits, spaces and a lower-case x before the one ID-number parser', () => {
    const id = endingInX();
    const typed = ` ${id.slice(0, 6).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))} ${id.slice(6, 17)}　x `;
    expect(idNumberText(text(typed)).toUpperCase()).toBe(id);
    const row = checkMemberRow((f) => ({ householdKey: text('1'), name: text('张三'), idNumber: text(typed), relation: text('配偶') })[f as string] ?? { kind: 'empty' }, today);
    expect(row.errors).toEqual([]);
    expect(row.value).toMatchObject({ idNumber: id, birthDate: '1980-01-01' });
  });

  it('refuses negative and absurd amounts, future months and formulas, each in words', () => {
    const row = checkFinanceRow((f) => ({ headIdNumber: text(endingInX()), period: text('2027-01'), wages: text('-5'), transfer: text('2000000'), medical: { kind: 'formula' } as Cell })[f as string] ?? { kind: 'empty' }, today);
    expect(row.errors).toEqual(['医疗支出是公式，请复制后“粘贴为数值”', '月份“2027-01”还没有到', '工资性收入不能为负数', '转移性收入“2000000”元超出一个月的合理范围（10万元），请核对']);
    const loss = checkFinanceRow((f) => ({ headIdNumber: text(endingInX()), period: text('2026-11'), production_net: text('-300') })[f as string] ?? { kind: 'empty' }, today);
    expect(loss).toMatchObject({ errors: [], value: { amounts: { production_net: -30000 } } });
  });
});
