/** Where a yearly rule lacks a year's input figure (Xuwen's 1.5 × last year's dibao), a field per missing year asks the county for it. */
import { Card, Input, InputNumber, Space, Typography } from 'antd';
import { deriveYearlyLines, type YearlyLineRule } from '../../../../domain/policy/yearly-lines.js';
import { parseProfile } from '../../../../domain/policy/parse.js';
import { thresholdFor } from '../../../../domain/policy/profile.js';
import { setYearlyInput, type Body } from './thresholds.js';
import { yearlyTexts as y } from './yearly-texts.js';

/** The years whose input is missing or entered by the county (the document's own figures are not edited here). */
function askedYears(rule: YearlyLineRule): number[] {
  const years = deriveYearlyLines(rule, () => undefined).flatMap((d) => (d.status === 'missing' ? [d.inputYear] : d.input.source === 'county' ? [d.input.year] : []));
  return [...new Set(years)].sort((a, b) => a - b);
}

export function YearlyInputs({ body, replace }: { body: Body; replace: (next: Body) => void }) {
  const rules = Array.isArray(body.yearlyLines) ? (body.yearlyLines as YearlyLineRule[]) : [];
  if (rules.length === 0) return null;
  // The line each entry gives, with the floor the profile holds (9060 for Xuwen), as the server will derive it.
  const parsed = parseProfile(body);
  const profile = parsed.ok ? parsed.profile : undefined;
  return (
    <Card title={y.title}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {rules.map((rule, r) => {
          const years = askedYears(rule);
          if (years.length === 0) return <Typography.Text key={r}>{y.none}</Typography.Text>;
          return (
            <Space key={r} direction="vertical" style={{ width: '100%' }}>
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                {y.intro(rule.quote)}
              </Typography.Paragraph>
              {years.map((year) => {
                const entered = rule.inputs.find((x) => x.year === year && x.source === 'county');
                const quote = entered?.quote ?? y.defaultBasis(year, rule.inputName);
                const line = entered && profile ? thresholdFor(profile, 'monitoring', `${year + 1}-01`) : undefined;
                return (
                  <Space key={year} wrap role="group" aria-label={y.group(year, rule.inputName)}>
                    <InputNumber
                      aria-label={y.amount(year, rule.inputName)}
                      min={0}
                      value={entered?.yuan ?? null}
                      onChange={(v) => replace(setYearlyInput(body, r, year, typeof v === 'number' && v > 0 ? v : null, quote))}
                      style={{ width: 160 }}
                    />
                    <Input
                      aria-label={y.basis(year, rule.inputName)}
                      placeholder={y.basis(year, rule.inputName)}
                      value={entered?.quote ?? ''}
                      disabled={!entered}
                      style={{ width: 320, maxWidth: '100%' }}
                      onChange={(e) => entered && replace(setYearlyInput(body, r, year, entered.yuan, e.target.value.trim() === '' ? y.defaultBasis(year, rule.inputName) : e.target.value))}
                    />
                    {line && <Typography.Text>{y.entered(year + 1, line.row.yuanPerPersonYear)}</Typography.Text>}
                  </Space>
                );
              })}
            </Space>
          );
        })}
      </Space>
    </Card>
  );
}
