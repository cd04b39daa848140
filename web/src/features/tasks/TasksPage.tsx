import { Alert, App, Button, Card, Form, Input, List, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { HAND_BACK_REASONS, isOpenStatus, type HandBackReason } from '../../../../domain/measures/tasks.js';
import { handBackReasonNames } from '../../../../domain/measures/task-messages.js';
import type { BulkAcceptResult, TaskItem, ViewFilters } from '../../app/api-types.js';
import { useUser } from '../../app/auth.js';
import { t } from '../../app/messages.js';
import { QueryView } from '../../app/states.js';
import { useJurisdiction } from '../households/hooks.js';
import { CompleteDialog } from './CompleteDialog.js';
import { useAccept, useBulkAccept, useHandBack, useTasks, type SortOrder, type StatusFilter } from './hooks.js';
import { SavedViews } from './SavedViews.js';
import { inboxTexts } from './texts.js';

/** Each task's outcome of a bulk accept, the refused ones with their reason. */
function BulkResultDialog({ result, tasks, onClose }: { result: BulkAcceptResult; tasks: readonly TaskItem[]; onClose: () => void }) {
  const name = (key: string) => {
    const k = tasks.find((x) => x.key === key);
    return k ? `${k.household.headName} · ${k.measure.name}` : key;
  };
  const refused = result.results.filter((r) => !r.ok);
  return (
    <Modal open title={inboxTexts.bulkTitle} onCancel={onClose} footer={<Button type="primary" onClick={onClose}>{inboxTexts.close}</Button>}>
      <Alert type={refused.length === 0 ? 'success' : 'warning'} showIcon message={inboxTexts.bulkSummary(result.accepted, result.refused)} />
      {refused.length > 0 && (
        <section aria-label={inboxTexts.bulkRefused}>
          <List
            size="small"
            header={inboxTexts.bulkRefused}
            dataSource={refused}
            renderItem={(r) => <List.Item>{name(r.key)}：{'message' in r ? r.message : ''}</List.Item>}
          />
        </section>
      )}
    </Modal>
  );
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : t.loadFailed);

function HandBackDialog({ task, onClose }: { task: TaskItem; onClose: () => void }) {
  const handBack = useHandBack();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: HandBackReason; text: string }>();
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    try {
      await handBack.mutateAsync({ key: task.key, body: v });
      void message.success(t.tasks.handedBack);
      onClose();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Modal open title={t.tasks.handBackTitle(task.measure.name, task.household.headName)} okText={t.tasks.handBack} cancelText={t.cancel} onOk={() => void submit()} onCancel={onClose} confirmLoading={handBack.isPending}>
      {error && <Alert role="alert" type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ reason: 'wrong_department' }}>
        <Form.Item label={t.tasks.reason} name="reason">
          <Radio.Group options={HAND_BACK_REASONS.map((r) => ({ value: r, label: handBackReasonNames[r] }))} />
        </Form.Item>
        <Form.Item label={t.tasks.reasonText} name="text" rules={[{ required: true, whitespace: true, message: t.tasks.reasonTextRequired }]}>
          <Input.TextArea rows={2} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function TasksPage() {
  const user = useUser();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<ViewFilters>({ status: 'open', sort: 'due_asc' });
  const { status, townId, measure, sort } = filters;
  const setStatus = (next: StatusFilter) => setFilters((f) => ({ ...f, status: next }));
  const setTownId = (next: string | undefined) => setFilters((f) => ({ status: f.status, sort: f.sort, ...(f.measure ? { measure: f.measure } : {}), ...(next ? { townId: next } : {}) }));
  const setSort = (next: SortOrder) => setFilters((f) => ({ ...f, sort: next }));
  const county = useJurisdiction(user.jurisdictionId);
  const tasks = useTasks({ status, townId, sort, ...(measure ? { measure } : {}) });
  const accept = useAccept();
  const bulk = useBulkAccept();
  const [dialog, setDialog] = useState<{ kind: 'complete' | 'handBack'; task: TaskItem } | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [bulkResult, setBulkResult] = useState<BulkAcceptResult | null>(null);
  const mine = user.role === 'department' || user.role === 'department_head';
  const onPage = tasks.data?.items ?? [];
  const chosen = selected.filter((key) => onPage.some((k) => k.key === key && k.status === 'assigned'));

  const onBulkAccept = async () => {
    try {
      setBulkResult(await bulk.mutateAsync(chosen));
      setSelected([]);
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  const onAccept = async (task: TaskItem) => {
    try {
      await accept.mutateAsync({ key: task.key, body: undefined });
      void message.success(t.tasks.accepted);
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t.tasks.title}
      </Typography.Title>
      <Card size="small">
        <Space direction="vertical" style={{ width: '100%' }}>
        <SavedViews current={filters} onApply={(next) => { setFilters(next); setSelected([]); }} />
        <Space wrap>
          <Radio.Group
            aria-label={t.tasks.status}
            value={status}
            onChange={(e) => setStatus(e.target.value as StatusFilter)}
            options={(Object.keys(t.tasks.statusFilter) as StatusFilter[]).map((s) => ({ value: s, label: t.tasks.statusFilter[s] }))}
          />
          <Select
            aria-label={t.tasks.town}
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t.tasks.allTowns}
            style={{ width: 160 }}
            value={townId}
            onChange={(v: string | undefined) => setTownId(v)}
            options={(county.data?.level === 'county' ? county.data.children : []).map((c) => ({ value: c.id, label: c.name }))}
          />
          <Select
            aria-label={inboxTexts.sort}
            showSearch
            optionFilterProp="label"
            style={{ width: 180 }}
            value={sort}
            onChange={(v: SortOrder) => setSort(v)}
            options={(Object.keys(inboxTexts.sortNames) as SortOrder[]).map((s) => ({ value: s, label: inboxTexts.sortNames[s] }))}
          />
          {mine && (
            <Button type="primary" disabled={chosen.length === 0} loading={bulk.isPending} onClick={() => void onBulkAccept()}>
              {inboxTexts.bulkAccept(chosen.length)}
            </Button>
          )}
        </Space>
        </Space>
      </Card>
      <Card size="small">
        <QueryView query={tasks} empty={(d) => d.total === 0} emptyText={t.tasks.none}>
          {(page) => (
            <Table<TaskItem>
              aria-label={t.tasks.title}
              rowKey="key"
              size="small"
              scroll={{ x: 'max-content' }}
              dataSource={page.items}
              {...(mine
                ? {
                    rowSelection: {
                      selectedRowKeys: chosen,
                      onChange: (keys) => setSelected(keys.map(String)),
                      getCheckboxProps: (k: TaskItem) => ({ disabled: k.status !== 'assigned', 'aria-label': inboxTexts.select(k.household.headName, k.measure.name) }),
                    },
                  }
                : {})}
              onChange={(_p, _f, sorter) => {
                const one = Array.isArray(sorter) ? sorter[0] : sorter;
                if (one?.order) setSort(one.order === 'descend' ? 'due_desc' : 'due_asc');
              }}
              pagination={{ pageSize: 20, showTotal: t.tasks.count }}
              columns={[
                { title: t.tasks.household, render: (_, k) => k.household.headName },
                { title: t.tasks.measure, render: (_, k) => <>{k.measure.name}{k.required && <Tag color="gold" style={{ marginLeft: 6 }}>{t.tasks.required}</Tag>}</> },
                { title: t.tasks.place, render: (_, k) => `${k.town.name} ${k.village.name}` },
                {
                  title: t.tasks.lastDay,
                  dataIndex: 'lastDay',
                  sortOrder: sort === 'due_desc' ? 'descend' : 'ascend',
                  sorter: true,
                  sortDirections: ['ascend', 'descend', 'ascend'],
                },
                {
                  title: t.tasks.status,
                  render: (_, k) => (
                    <Space size={4}>
                      <Tag color={k.status === 'completed' ? 'green' : k.status === 'handed_back' ? 'orange' : 'blue'}>{k.statusName}</Tag>
                      {k.overdue && <Tag color="red">{t.tasks.overdueDays(k.overdueDays)}</Tag>}
                    </Space>
                  ),
                },
                {
                  title: t.tasks.actions,
                  render: (_, k) =>
                    mine && isOpenStatus(k.status) ? (
                      <Space size={4} wrap>
                        {k.status === 'assigned' && (
                          <Button size="small" type="primary" aria-label={`${t.tasks.accept} ${k.household.headName} ${k.measure.name}`} onClick={() => void onAccept(k)}>
                            {t.tasks.accept}
                          </Button>
                        )}
                        <Button size="small" aria-label={`${t.tasks.complete} ${k.household.headName} ${k.measure.name}`} onClick={() => setDialog({ kind: 'complete', task: k })}>
                          {t.tasks.complete}
                        </Button>
                        <Button size="small" danger aria-label={`${t.tasks.handBack} ${k.household.headName} ${k.measure.name}`} onClick={() => setDialog({ kind: 'handBack', task: k })}>
                          {t.tasks.handBack}
                        </Button>
                      </Space>
                    ) : null,
                },
              ]}
            />
          )}
        </QueryView>
      </Card>
      {dialog?.kind === 'complete' && <CompleteDialog task={dialog.task} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'handBack' && <HandBackDialog task={dialog.task} onClose={() => setDialog(null)} />}
      {bulkResult && <BulkResultDialog result={bulkResult} tasks={onPage} onClose={() => setBulkResult(null)} />}
    </Space>
  );
}
