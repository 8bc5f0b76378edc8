import type { ReactNode } from 'react';
import { Typography } from 'antd';

export function PageHeader({ title, extra, sub }: { title: ReactNode; extra?: ReactNode; sub?: ReactNode }) {
  return (
    <div className="fg-page-head">
      <div>
        <Typography.Title level={2} style={{ fontSize: 22 }}>
          {title}
        </Typography.Title>
        {sub ? <Typography.Text type="secondary">{sub}</Typography.Text> : null}
      </div>
      {extra ? <div>{extra}</div> : null}
    </div>
  );
}
