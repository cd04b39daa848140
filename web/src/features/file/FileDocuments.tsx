import { App, Button, Card, List, Typography } from 'antd';
import { formatSize } from '../../../../domain/measures/documents.js';
import { api } from '../../app/api.js';
import type { TaskDocumentItem } from '../../app/api-types.js';
import { Nothing } from '../../app/states.js';
import { formatTime } from '../../app/time.js';
import { inboxTexts } from '../tasks/texts.js';

/** The documents 佐证材料 the household's completed tasks name, each to download. */
export function FileDocuments({ documents }: { documents: readonly TaskDocumentItem[] }) {
  const { message } = App.useApp();
  const download = async (d: TaskDocumentItem) => {
    try {
      await api.downloadDocument(d.id, d.fileName);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{inboxTexts.fileDocuments}</h2>}>
      {documents.length === 0 ? (
        <Nothing text={inboxTexts.fileDocumentsEmpty} />
      ) : (
        <section aria-label={inboxTexts.fileDocuments}>
          <List
            size="small"
            dataSource={[...documents]}
            renderItem={(d) => (
              <List.Item
                actions={[
                  <Button key="download" type="link" size="small" aria-label={inboxTexts.download(d.fileName)} onClick={() => void download(d)}>
                    {inboxTexts.download('').trim()}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={d.fileName}
                  description={
                    <Typography.Text type="secondary">
                      {formatSize(d.sizeBytes)} · {inboxTexts.uploadedAt} {formatTime(d.uploadedAt)}
                    </Typography.Text>
                  }
                />
              </List.Item>
            )}
          />
        </section>
      )}
    </Card>
  );
}
