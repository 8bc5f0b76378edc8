import type { ReactNode } from 'react';
import { Button, Space, Typography } from 'antd';
import { canGoBack, useNavigate } from '../lib/router';

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

/** A record's title: what it is, its number or code in code type, then its tags. */
export function CodeTitle({
  title,
  code,
  codeTestId,
  children,
}: {
  title: ReactNode;
  code: string;
  codeTestId?: string;
  children?: ReactNode;
}) {
  return (
    <Space wrap>
      <span>{title}</span>
      <Typography.Text code style={{ fontSize: 16 }} data-testid={codeTestId}>
        {code}
      </Typography.Text>
      {children}
    </Space>
  );
}

/** Back where the user came from, or to the list (`to`) when the page was opened directly. */
export function BackButton({ to, label, testId }: { to: string; label: string; testId?: string }) {
  const navigate = useNavigate();
  return (
    <Button onClick={() => (canGoBack() ? window.history.back() : navigate(to))} data-testid={testId}>
      {label}
    </Button>
  );
}
