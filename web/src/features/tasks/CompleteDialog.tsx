import { Alert, App, Button, Form, Input, InputNumber, List, Modal, Typography } from 'antd';
import { useId, useState, type ChangeEvent } from 'react';
import { DOCUMENT_MAX_BYTES, documentMessages, documentTypeOfName, formatSize } from '../../../../domain/measures/documents.js';
import type { TaskDocumentItem, TaskItem } from '../../app/api-types.js';
import { t } from '../../app/messages.js';
import { formatDate } from '../../app/time.js';
import { useComplete, useUploadDocument } from './hooks.js';
import { inboxTexts } from './texts.js';

const todayInShanghai = () => formatDate(new Date().toISOString());
const errorText = (e: unknown) => (e instanceof Error ? e.message : t.loadFailed);
const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

/** The same limits the server holds, told before a byte is sent: the type by the name, the size. */
function refusalOf(file: File): string | undefined {
  if (file.size === 0) return documentMessages.empty;
  if (!documentTypeOfName(file.name)) return documentMessages.wrongType;
  if (file.size > DOCUMENT_MAX_BYTES) return documentMessages.tooLarge(formatSize(DOCUMENT_MAX_BYTES));
  return undefined;
}

/** Completing a task: what was done, the amount, the date, and its documents — files uploaded here and papers named. */
export function CompleteDialog({ task, onClose }: { task: TaskItem; onClose: () => void }) {
  const complete = useComplete();
  const upload = useUploadDocument();
  const { message } = App.useApp();
  const inputId = useId();
  const [form] = Form.useForm<{ whatWasDone: string; amountYuan?: number | null; date: string; document?: string }>();
  const [error, setError] = useState<string | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [files, setFiles] = useState<TaskDocumentItem[]>([]);

  const onFiles = async (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(e.target.files ?? [])];
    e.target.value = '';
    setUploadError(null);
    for (const file of chosen) {
      const refusal = refusalOf(file);
      if (refusal) {
        setUploadError(`${file.name}：${refusal}`);
        continue;
      }
      try {
        const kept = await upload.mutateAsync({ key: task.key, file });
        setFiles((now) => [...now, kept]);
      } catch (err) {
        setUploadError(`${file.name}：${errorText(err)}`);
      }
    }
  };

  const submit = async () => {
    const v = await form.validateFields();
    const paper = v.document?.trim();
    const documents = [...files.map((f) => ({ title: f.fileName, reference: f.reference })), ...(paper ? [{ title: paper }] : [])];
    if (documents.length === 0) {
      setError(inboxTexts.documentsRequired);
      return;
    }
    setError(null);
    try {
      await complete.mutateAsync({
        key: task.key,
        body: { whatWasDone: v.whatWasDone, date: v.date, documents, ...(typeof v.amountYuan === 'number' ? { amountYuan: v.amountYuan } : {}) },
      });
      void message.success(t.tasks.completed);
      onClose();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <Modal open title={t.tasks.completeTitle(task.measure.name, task.household.headName)} okText={t.tasks.complete} cancelText={t.cancel} onOk={() => void submit()} onCancel={onClose} confirmLoading={complete.isPending} okButtonProps={{ disabled: upload.isPending }}>
      {error && <Alert role="alert" type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ date: todayInShanghai() }}>
        <Form.Item label={t.tasks.whatWasDone} name="whatWasDone" rules={[{ required: true, whitespace: true, message: t.tasks.whatWasDoneRequired }]}>
          <Input.TextArea rows={2} maxLength={5000} />
        </Form.Item>
        <Form.Item label={t.tasks.amount} name="amountYuan">
          <InputNumber min={0} max={100_000_000} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item label={t.tasks.date} name="date" rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: t.tasks.dateRequired }]}>
          <Input maxLength={10} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item label={inboxTexts.upload} htmlFor={inputId} extra={inboxTexts.uploadHint}>
          <input id={inputId} type="file" multiple accept={ACCEPT} onChange={(e) => void onFiles(e)} disabled={upload.isPending} style={{ maxWidth: '100%' }} />
          {upload.isPending && <Typography.Text type="secondary">{inboxTexts.uploading}</Typography.Text>}
          {uploadError && <Alert role="alert" type="error" showIcon message={uploadError} style={{ marginTop: 8 }} />}
          {files.length > 0 && (
            <section aria-label={inboxTexts.fileDocuments}>
              <List
                size="small"
                dataSource={files}
                renderItem={(f) => (
                  <List.Item
                    actions={[
                      <Button key="remove" size="small" type="link" aria-label={inboxTexts.removeUpload(f.fileName)} onClick={() => setFiles((now) => now.filter((x) => x.id !== f.id))}>
                        {t.cancel}
                      </Button>,
                    ]}
                  >
                    {inboxTexts.uploaded(f.fileName)}（{formatSize(f.sizeBytes)}）
                  </List.Item>
                )}
              />
            </section>
          )}
        </Form.Item>
        <Form.Item label={t.tasks.document} name="document">
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
