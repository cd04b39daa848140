/** The working-day calendar: each year's State Council notice and its days, a year without one marked provisional; the county bureau adds them. */
import { Alert, Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { toLocalDate } from '../../../../domain/calendar/dates.js';
import { calendarMessages } from '../../../../domain/policy/messages.js';
import type { CalendarDayBody, CalendarYearBody } from '../../app/api-types.js';
import { QueryView } from '../../app/states.js';
import { useAddCalendarDay, useAddCalendarYear, useCalendar } from './hooks.js';
import { pt } from './messages.js';

export function CalendarPage() {
  const year = toLocalDate(Date.now()).year;
  const calendar = useCalendar(year - 1, year + 2);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {pt.calendar.title}
      </Typography.Title>
      <YearForm />
      <DayForm />
      <QueryView query={calendar}>
        {(c) => (
          <>
            {c.years.map((y) => (
              <Card
                key={y.year}
                aria-label={`${y.year}年`}
                role="region"
                title={
                  <Space wrap>
                    {`${y.year}年`}
                    {y.provisional && <Tag color="orange">{pt.calendar.provisional}</Tag>}
                  </Space>
                }
              >
                {y.provisional ? (
                  <Alert type="warning" showIcon message={pt.calendar.noticeMissing} description={y.provisionalNote} />
                ) : (
                  <>
                    <Typography.Paragraph>{y.notice}</Typography.Paragraph>
                    <Table
                      size="small"
                      rowKey="day"
                      pagination={false}
                      scroll={{ x: true }}
                      dataSource={y.days}
                      columns={[
                        { title: pt.calendar.day, dataIndex: 'day' },
                        { title: pt.calendar.kind, dataIndex: 'kind', render: (k: 'rest' | 'work') => calendarMessages.kindNames[k] },
                        { title: pt.calendar.name, dataIndex: 'name' },
                      ]}
                    />
                  </>
                )}
              </Card>
            ))}
          </>
        )}
      </QueryView>
    </Space>
  );
}

function useOutcome() {
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const show = outcome && <Alert role={outcome.ok ? 'status' : 'alert'} type={outcome.ok ? 'success' : 'error'} showIcon message={outcome.text} style={{ marginBottom: 12 }} />;
  const attempt = async (work: () => Promise<unknown>) => {
    setOutcome(null);
    try {
      await work();
      setOutcome({ ok: true, text: pt.calendar.added });
    } catch (e) {
      setOutcome({ ok: false, text: e instanceof Error ? e.message : String(e) });
    }
  };
  return { show, attempt };
}

function YearForm() {
  const add = useAddCalendarYear();
  const { show, attempt } = useOutcome();
  return (
    <Card title={pt.calendar.addYear}>
      {show}
      <Form<CalendarYearBody> layout="vertical" aria-label={pt.calendar.addYear} onFinish={(v) => void attempt(() => add.mutateAsync(v))}>
        <Form.Item label={pt.calendar.year} name="year" rules={[{ required: true, message: calendarMessages.yearInvalid }]}>
          <InputNumber min={1949} max={2200} />
        </Form.Item>
        <Form.Item label={pt.calendar.notice} name="notice" rules={[{ required: true, whitespace: true, message: calendarMessages.noticeRequired }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Button htmlType="submit" loading={add.isPending}>
          {pt.calendar.add}
        </Button>
      </Form>
    </Card>
  );
}

function DayForm() {
  const add = useAddCalendarDay();
  const { show, attempt } = useOutcome();
  return (
    <Card title={pt.calendar.addDay}>
      {show}
      <Form<CalendarDayBody> layout="vertical" aria-label={pt.calendar.addDay} initialValues={{ kind: 'rest' }} onFinish={(v) => void attempt(() => add.mutateAsync(v))}>
        <Space wrap align="start">
          <Form.Item label={pt.calendar.day} name="day" rules={[{ required: true, message: calendarMessages.dayInvalid }]}>
            <Input placeholder="YYYY-MM-DD" maxLength={10} style={{ width: 130 }} />
          </Form.Item>
          <Form.Item label={pt.calendar.kind} name="kind">
            <Select
              style={{ width: 120 }}
              options={[
                { value: 'rest', label: pt.calendar.rest },
                { value: 'work', label: pt.calendar.work },
              ]}
            />
          </Form.Item>
          <Form.Item label={pt.calendar.name} name="name" rules={[{ required: true, whitespace: true, message: calendarMessages.nameRequired }]}>
            <Input maxLength={40} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item label={pt.calendar.noticeYear} name="year">
            <InputNumber min={1949} max={2200} />
          </Form.Item>
        </Space>
        <Button htmlType="submit" loading={add.isPending}>
          {pt.calendar.add}
        </Button>
      </Form>
    </Card>
  );
}
