import { App, Button, Form, Input, Modal, Popconfirm, Select, Space } from 'antd';
import { useState } from 'react';
import type { ViewFilters } from '../../app/api-types.js';
import { useDeleteView, useSaveView, useViews } from './hooks.js';
import { inboxTexts } from './texts.js';

const errorText = (e: unknown) => (e instanceof Error ? e.message : '');
const same = (a: ViewFilters, b: ViewFilters) => a.status === b.status && (a.townId ?? null) === (b.townId ?? null) && (a.measure ?? null) === (b.measure ?? null) && a.sort === b.sort;

/** A user's saved views 我的筛选: pick one to apply it, save the current filters under a name, delete the one shown. */
export function SavedViews({ current, onApply }: { current: ViewFilters; onApply: (filters: ViewFilters) => void }) {
  const views = useViews();
  const save = useSaveView();
  const remove = useDeleteView();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ name: string }>();
  const [error, setError] = useState<string | null>(null);
  const items = views.data?.items ?? [];
  const shown = items.find((v) => same(v.filters, current));

  const submit = async () => {
    const { name } = await form.validateFields();
    setError(null);
    try {
      const saved = await save.mutateAsync({ name, filters: current });
      void message.success(inboxTexts.viewSaved(saved.name));
      setSaving(false);
      form.resetFields();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <Space wrap>
      <Select
        aria-label={inboxTexts.views}
        showSearch
        optionFilterProp="label"
        placeholder={inboxTexts.viewsPlaceholder}
        style={{ width: 200 }}
        loading={views.isPending}
        value={shown?.id ?? null}
        onChange={(id: string) => {
          const view = items.find((v) => v.id === id);
          if (view) onApply(view.filters);
        }}
        options={items.map((v) => ({ value: v.id, label: v.name }))}
      />
      <Button onClick={() => setSaving(true)}>{inboxTexts.saveView}</Button>
      {shown && (
        <Popconfirm
          title={inboxTexts.deleteViewConfirm(shown.name)}
          okText={inboxTexts.deleteView}
          onConfirm={async () => {
            try {
              await remove.mutateAsync(shown.id);
              void message.success(inboxTexts.viewDeleted);
            } catch (e) {
              void message.error(errorText(e));
            }
          }}
        >
          <Button danger>{inboxTexts.deleteView}</Button>
        </Popconfirm>
      )}
      {saving && (
        <Modal open title={inboxTexts.saveViewTitle} okText={inboxTexts.saveView} onOk={() => void submit()} onCancel={() => setSaving(false)} confirmLoading={save.isPending}>
          {error && <div role="alert" style={{ color: '#cf1322', marginBottom: 12 }}>{error}</div>}
          <Form form={form} layout="vertical">
            <Form.Item label={inboxTexts.viewName} name="name" rules={[{ required: true, whitespace: true, max: 40, message: inboxTexts.viewNameRequired }]}>
              <Input maxLength={40} />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </Space>
  );
}
