/** The villages' notice cards 明白卡, each with its code to scan and short address, printed from the console. */
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Typography } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { api } from '../../app/api.js';
import type { NoticeCards } from '../../app/api-types.js';
import { QueryView } from '../../app/states.js';
import { selfReportMessages as m, texts } from './texts.js';

function Qr({ url, label }: { url: string; label: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then((s) => live && setSvg(s));
    return () => {
      live = false;
    };
  }, [url]);
  return <div role="img" aria-label={label} style={{ width: 160, height: 160 }} dangerouslySetInnerHTML={svg ? { __html: svg } : undefined} />;
}

function NoticeCard({ cards, village }: { cards: NoticeCards; village: NoticeCards['villages'][number] }) {
  const url = `${window.location.origin}${village.path}`;
  return (
    <Card className="notice-card" size="small" style={{ breakInside: 'avoid', pageBreakInside: 'avoid' }} aria-label={texts.cardHeading(village.villageName)}>
      <h2 style={{ fontSize: 18, margin: '0 0 8px' }}>{texts.cardHeading(village.villageName)}</h2>
      <Space align="start" wrap>
        <Qr url={url} label={`${texts.cardCode} ${village.code}`} />
        <Space direction="vertical" size={4}>
          <Typography.Text>{texts.cardHow}</Typography.Text>
          <Typography.Text>
            {texts.cardUrl}：<span data-testid="card-url">{url}</span>
          </Typography.Text>
          <Typography.Text>
            {texts.cardCode}：<strong>{village.code}</strong>
          </Typography.Text>
          <Typography.Text>{cards.visitWorkingDays ? texts.cardVisit(cards.visitWorkingDays) : texts.cardVisitUnset(m.notConfigured)}</Typography.Text>
          <Typography.Text strong>{cards.hotline ? texts.hotline(cards.hotline) : texts.hotlineUnset(m.notConfigured)}</Typography.Text>
        </Space>
      </Space>
    </Card>
  );
}

const PRINT_CSS = '@media print { .no-print, .ant-layout-sider, .ant-layout-header, nav { display: none !important; } .notice-card { margin-bottom: 12mm; } }';

export function NoticeCardsPage() {
  const cards = useQuery({ queryKey: ['notice-cards'], queryFn: () => api.noticeCards() });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {/* On paper: the cards only, without the console's frame. */}
      <style>{PRINT_CSS}</style>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} className="no-print">
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {texts.cardsTitle}
        </Typography.Title>
        <Button onClick={() => window.print()}>{texts.cardsPrint}</Button>
      </Space>
      <QueryView query={cards} empty={(d) => d.villages.length === 0} emptyText={texts.cardsEmpty}>
        {(c) => (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            {c.villages.map((v) => (
              <NoticeCard key={v.villageId} cards={c} village={v} />
            ))}
          </Space>
        )}
      </QueryView>
    </Space>
  );
}
